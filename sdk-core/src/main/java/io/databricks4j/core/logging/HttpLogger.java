package io.databricks4j.core.logging;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.RequestBody;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs requests and responses at DEBUG on {@code io.databricks4j}:
 * <pre>
 * &gt; GET /api/2.1/clusters/get?cluster_id=abc
 * &gt; * Authorization: **REDACTED**      (headers only with debug headers on)
 * &gt; {body}
 * &lt; 200 OK
 * &lt; {body}
 * </pre>
 * Callers check {@link #isEnabled()} first, so nothing is formatted when DEBUG is off.
 */
public final class HttpLogger {
  /** The SLF4J logger name of databricks4j. */
  public static final String LOGGER_NAME = "io.databricks4j";
  /** Default of {@code debug_truncate_bytes}. */
  public static final int DEFAULT_TRUNCATE_BYTES = 96;

  private final Logger log;
  private final boolean headers;
  private final BodyFormatter bodies;

  private HttpLogger(Logger log, int truncateBytes, boolean headers) {
    this.log = log;
    this.headers = headers;
    this.bodies = new BodyFormatter(truncateBytes);
  }

  /** A logger on {@code io.databricks4j}. */
  public static HttpLogger create(int truncateBytes, boolean debugHeaders) {
    return create(LoggerFactory.getLogger(LOGGER_NAME), truncateBytes, debugHeaders);
  }

  /** A logger writing to {@code log} (a seam for tests). */
  public static HttpLogger create(Logger log, int truncateBytes, boolean debugHeaders) {
    return new HttpLogger(log, truncateBytes, debugHeaders);
  }

  public boolean isEnabled() {
    return log.isDebugEnabled();
  }

  /** Logs a request about to be sent; a stream or file body is described, never read. */
  public void request(HttpRequest request) {
    request(request, null, false);
  }

  /**
   * Logs a request about to be sent, with {@code tag} ({@code call 7f3a, attempt 2}) after the
   * request line. A {@code plugin}'s request (to a token endpoint, say) shows its server before the
   * path, and every {@code value} field of its bodies counts as a secret (an ID token, say). A stream
   * or file body is described, never read.
   */
  public void request(HttpRequest request, String tag, boolean plugin) {
    boolean showOrigin = plugin;
    if (!log.isDebugEnabled()) {
      return;
    }
    StringBuilder sb = new StringBuilder("> ").append(request.method()).append(' ')
        .append(showOrigin ? request.origin().orElse("") : "").append(redactedPathAndQuery(request));
    if (tag != null) {
      sb.append(" (").append(tag).append(')');
    }
    if (headers) {
      request.headers().forEach((k, v) -> sb.append("\n> * ").append(k).append(": ").append(header(k, v)));
    }
    request.body().ifPresent(b -> appendBody(sb, "> ", b, plugin || Redaction.isSecretsPath(request.path())));
    log.debug(sb.toString());
  }

  /**
   * Logs a response.
   *
   * @param body the body when it was read, or null when it streams to the caller
   * @param note what to print instead of a body that was not read, for example {@code <streaming body>}
   */
  public void response(HttpRequest request, int status, String reason, Map<String, List<String>> responseHeaders,
      byte[] body, String note) {
    response(request, status, reason, responseHeaders, body, note, null, false);
  }

  /** Logs a response, with {@code tag} after the status line; a {@code plugin}'s bodies as in {@link #request(HttpRequest, String, boolean)}. */
  public void response(HttpRequest request, int status, String reason, Map<String, List<String>> responseHeaders,
      byte[] body, String note, String tag, boolean plugin) {
    if (!log.isDebugEnabled()) {
      return;
    }
    StringBuilder sb = new StringBuilder("< ").append(status);
    if (reason != null && !reason.isEmpty()) {
      sb.append(' ').append(reason);
    }
    if (tag != null) {
      sb.append(" (").append(tag).append(')');
    }
    if (headers) {
      responseHeaders.forEach((k, vs) -> vs.forEach(v -> sb.append("\n< * ").append(k).append(": ").append(header(k, v))));
    }
    if (body != null) {
      appendLines(sb, "< ", bodies.format(body, plugin || Redaction.isSecretsPath(request.path())));
    } else if (note != null && !note.isEmpty()) {
      sb.append("\n< ").append(note);
    }
    log.debug(sb.toString());
  }

  private void appendBody(StringBuilder sb, String prefix, RequestBody b, boolean secrets) {
    b.bytes().ifPresentOrElse(
        bytes -> appendLines(sb, prefix, bodies.format(bytes, secrets)),
        () -> sb.append('\n').append(prefix).append('<').append(b.isReplayable() ? "file" : "streaming")
            .append(" body, ").append(b.contentLength() < 0 ? "unknown length" : b.contentLength() + " bytes")
            .append(", ").append(b.contentType()).append('>'));
  }

  private static void appendLines(StringBuilder sb, String prefix, String text) {
    if (text.isEmpty()) {
      return;
    }
    for (String line : text.split("\n", -1)) {
      sb.append('\n').append(prefix).append(line.replace("\r", ""));
    }
  }

  private static String header(String name, String value) {
    return Redaction.isSecretHeader(name) ? Redaction.REDACTED : value;
  }

  private static String redactedPathAndQuery(HttpRequest r) {
    boolean secrets = Redaction.isSecretsPath(r.path());
    if (r.query().keySet().stream().noneMatch(k -> Redaction.isSecretField(k, secrets))) {
      return r.pathAndQuery();
    }
    StringBuilder sb = new StringBuilder(r.path());
    char sep = '?';
    for (Map.Entry<String, List<String>> e : r.query().entrySet()) {
      boolean secret = Redaction.isSecretField(e.getKey(), secrets);
      for (String v : e.getValue()) {
        sb.append(sep).append(encode(e.getKey())).append('=').append(secret ? Redaction.REDACTED : encode(v));
        sep = '&';
      }
    }
    return sb.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
