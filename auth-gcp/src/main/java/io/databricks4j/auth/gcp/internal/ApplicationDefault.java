package io.databricks4j.auth.gcp.internal;

import com.google.auth.oauth2.ComputeEngineCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Application default credentials found through the configuration's seams rather than the
 * process: {@code GOOGLE_APPLICATION_CREDENTIALS} from {@link ConfigView#environment()}, then the
 * gcloud well-known file under {@code CLOUDSDK_CONFIG} or {@link ConfigView#homeDirectory()}, then
 * the metadata server of the Google Cloud machine we run on. Every request goes through the
 * configuration's sender ({@link GoogleHttp}), whose retries replace the library's own.
 */
public final class ApplicationDefault {
  static final String WELL_KNOWN = "application_default_credentials.json";

  private final GoogleCredentials credentials;
  private final String origin;
  private final Secrets secrets;

  private ApplicationDefault(GoogleCredentials credentials, String origin, Secrets secrets) {
    this.credentials = credentials;
    this.origin = origin;
    this.secrets = secrets;
  }

  public static ApplicationDefault load(String strategy, ConfigView config) {
    Map<String, String> env = config.environment();
    String explicit = env.get("GOOGLE_APPLICATION_CREDENTIALS");
    if (explicit != null && !explicit.isBlank()) {
      Path path = Path.of(explicit);
      if (!Files.isRegularFile(path)) {
        throw new CredentialsException(strategy + ": GOOGLE_APPLICATION_CREDENTIALS names " + explicit
            + ", which is not a file");
      }
      return fromFile(strategy, path, config);
    }
    Path wellKnown = wellKnownFile(config);
    if (Files.isRegularFile(wellKnown)) {
      return fromFile(strategy, wellKnown, config);
    }
    GoogleCredentials metadata = ComputeEngineCredentials.newBuilder()
        .setHttpTransportFactory(GoogleHttp.metadata(config)).build();
    return new ApplicationDefault(metadata, "the Google Cloud metadata server (no GOOGLE_APPLICATION_CREDENTIALS and no "
        + wellKnown + "; run gcloud auth application-default login when not on Google Cloud)", Secrets.none());
  }

  static Path wellKnownFile(ConfigView config) {
    Map<String, String> env = config.environment();
    String cloudsdk = env.get("CLOUDSDK_CONFIG");
    if (cloudsdk != null && !cloudsdk.isBlank()) {
      return Path.of(cloudsdk, WELL_KNOWN);
    }
    String appData = env.get("APPDATA");
    if (appData != null && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
      return Path.of(appData, "gcloud", WELL_KNOWN);
    }
    return config.homeDirectory().resolve(".config").resolve("gcloud").resolve(WELL_KNOWN);
  }

  private static ApplicationDefault fromFile(String strategy, Path path, ConfigView config) {
    CredentialsJson json;
    try {
      json = CredentialsJson.file(path);
    } catch (IOException e) {
      throw new CredentialsException(strategy + ": cannot read application default credentials " + path + ": "
          + e.getClass().getSimpleName());
    }
    Secrets secrets = json.secrets();
    try {
      GoogleCredentials credentials = GoogleCredentials.fromStream(new ByteArrayInputStream(json.bytes()),
          GoogleHttp.transport(config)).createWithCustomRetryStrategy(false);
      return new ApplicationDefault(credentials, path.toString(), secrets);
    } catch (IOException | RuntimeException e) {
      throw new CredentialsException(strategy + ": application default credentials " + path + " are not valid: "
          + secrets.redact(e.getMessage()), secrets.sanitize(e));
    }
  }

  public GoogleCredentials credentials() {
    return credentials;
  }

  /** Where the credentials came from, safe to print. */
  public String origin() {
    return origin;
  }

  public Secrets secrets() {
    return secrets;
  }
}
