package io.databricks4j.mixin.files;

import io.databricks4j.core.ApiClient;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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

  /** The body of {@code response}; closing it releases the response, whatever happens. */
  static ResponseBody body(HttpResponse response) {
    return new ResponseBody(response);
  }

  /**
   * A response body that can also be abandoned part-way. {@link #close()} reads what is left so that
   * the connection can be used again, which is right at the end of a range and wrong in the middle of
   * a large file: {@link #abort()} closes the connection instead.
   */
  static final class ResponseBody extends FilterInputStream {
    private final HttpResponse response;

    ResponseBody(HttpResponse response) {
      super(response.body());
      this.response = response;
    }

    /** Whether {@link #abort()} can drop the connection rather than read the rest of the body. */
    boolean abortable() {
      return response.abortable();
    }

    /**
     * Closes the connection without reading the rest of the body; when that is not possible, reads
     * it as {@link #close()} does. Any thread may call it, also while another one is reading.
     */
    void abort() {
      try {
        response.abort();
      } catch (RuntimeException ignored) {
        // the connection is discarded either way
      }
    }

    @Override
    public void close() {
      closeQuietly(response);
    }
  }

  static void closeQuietly(HttpResponse response) {
    try {
      response.close();
    } catch (RuntimeException ignored) {
      // a broken connection cannot be drained; it is discarded
    }
  }

  static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException | RuntimeException ignored) {
        // nothing more to read from it
      }
    }
  }
}
