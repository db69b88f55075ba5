package io.databricks4j.testkit.internal.service;

import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.SelfCalls;
import io.databricks4j.testkit.internal.http.ApiException;
import java.util.Map;

/**
 * The Unity Catalog volumes behind Files API paths: a path must lie under
 * {@code /Volumes/<catalog>/<schema>/<volume>/} of a volume that exists, as the service requires.
 * The volume is looked up through whichever emulation serves Unity Catalog volumes. Also seeds
 * the catalog {@code main} and its schema {@code default} that every workspace starts with.
 */
public final class VolumePaths {
  private static final String VOLUMES = "/api/2.1/unity-catalog/volumes/";

  private final Context ctx;
  private final SelfCalls self;

  public VolumePaths(Context ctx, SelfCalls self) {
    this.ctx = ctx;
    this.self = self;
  }

  /**
   * Refuses a normalised path outside an existing volume: 400 when it is not under
   * {@code /Volumes/c/s/v}, 404 when the volume does not exist.
   *
   * @param orRoot whether the volume's own directory is acceptable (directory operations)
   */
  public void check(String path, String user, boolean orRoot) {
    String[] parts = path.split("/");
    int needed = orRoot ? 5 : 6;
    if (parts.length < needed || !parts[1].equals("Volumes")) {
      throw ApiException.invalid("The path " + path + " is not in a volume: the Files API serves paths under "
          + "/Volumes/<catalog>/<schema>/<volume>/; create the volume with the Unity Catalog volumes API first");
    }
    String volume = parts[2] + "." + parts[3] + "." + parts[4];
    Boolean exists = self.exists(VOLUMES + encode(volume), user);
    if (Boolean.FALSE.equals(exists) || (exists == null && ctx.files().get("/Volumes/" + parts[2] + "/" + parts[3]
        + "/" + parts[4]) == null)) {
      throw new ApiException(404, "NOT_FOUND", "The volume " + volume + " of the path " + path
          + " does not exist; create it with the Unity Catalog volumes API first");
    }
  }

  /** Creates catalog {@code main} and schema {@code main.default}, as a new workspace has them. */
  public void seed(String user) {
    try {
      self.call("POST", "/api/2.1/unity-catalog/catalogs", Map.of(), Json.object("name", "main",
          "comment", "Main catalog (seeded by the testkit)"), user);
      self.call("POST", "/api/2.1/unity-catalog/schemas", Map.of(), Json.object("name", "default",
          "catalog_name", "main", "comment", "Default schema (seeded by the testkit)"), user);
    } catch (ApiException e) {
      // a Unity Catalog emulation that refuses the seed leaves the workspace without it
    }
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
