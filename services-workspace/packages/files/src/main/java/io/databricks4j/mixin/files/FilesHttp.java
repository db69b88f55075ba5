package io.databricks4j.mixin.files;

import io.databricks4j.core.ApiClient;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Requests of the Files API that the transfers make themselves. */
final class FilesHttp {
  private FilesHttp() {}

  /** {@code /api/2.0/fs/files/Volumes/a/b%20c}: each segment percent-encoded, slashes kept. */
  static String filesPath(String path) {
    return "/api/2.0/fs/files" + segments(checkAbsolute(path));
  }

  static String checkAbsolute(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("a Files API path is absolute, such as /Volumes/catalog/schema/volume/file; got "
          + path);
    }
    return path;
  }

  private static String segments(String value) {
    StringJoiner j = new StringJoiner("/");
    for (String part : value.split("/", -1)) {
      j.add(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return j.toString();
  }

  static HttpRequest.Builder request(ApiClient api, String method, String path) {
    HttpRequest.Builder b = HttpRequest.builder(method, filesPath(path));
    api.workspaceId().ifPresent(id -> b.header("X-Databricks-Workspace-Id", id));
    return b;
  }

  /** Drops the connection of {@code response} without reading the rest of its body. */
  static void abortQuietly(HttpResponse response) {
    try {
      response.abort();
    } catch (RuntimeException ignored) {
      // the connection is discarded either way
    }
  }

  static void closeQuietly(HttpResponse response) {
    try {
      response.close();
    } catch (RuntimeException ignored) {
      // a broken connection cannot be drained; it is discarded
    }
  }
}
