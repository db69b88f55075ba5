package io.databricks4j.core.error;

import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.error.ErrorResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every error of a call, so that all of them read alike: {@code GET
 * /api/2.1/clusters/get: 404 RESOURCE_DOES_NOT_EXIST: Cluster 0123 does not exist (call 7f3a, 3
 * attempts in 4.2 s)} for what the service answered, {@code GET /api/2.1/clusters/get: cannot
 * connect: ConnectException: Connection refused (call 7f3a, 5 attempts in 20.1 s). Check ...}
 * for a call that got no answer. Not thread-safe; one per error.
 */
public final class ErrorBuilder {
  /** Statuses whose errors carry a {@code Retry-After}, 1 s when the service sent none. */
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
  private static final Pattern CODE = Pattern.compile("\"error_code\"\\s*:\\s*\"([A-Z][A-Z0-9_]*)\"");
  private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){0,800})");

  private final String method;
  private final String path;
  private String callId = "";
  private int attempts = 1;
  private Duration elapsed;
  private String hint = "";

  private ErrorBuilder(String method, String path) {
    this.method = method;
    this.path = path;
  }

  /**
   * The errors of a call of {@code method} on {@code path} (no query: it may hold values not meant for
   * messages; an absolute URL for a request to another server).
   */
  public static ErrorBuilder of(String method, String path) {
    return new ErrorBuilder(method, path);
  }

  public ErrorBuilder callId(String v) {
    callId = v == null ? "" : v;
    return this;
  }

  /** How many attempts were made and how long they took, when more than one. */
  public ErrorBuilder attempts(int n, Duration took) {
    attempts = n;
    elapsed = took;
    return this;
  }

  /** What the reader should check next; added after the message. */
  public ErrorBuilder hint(String v) {
    hint = v == null ? "" : v;
    return this;
  }

  /**
   * The error of an answer the service sent.
   *
   * @param headers the response headers (for {@code Retry-After} and {@code x-request-id}), names case-insensitive
   * @param body the body, or its first bytes when it was larger
   * @param cut whether {@code body} is only the beginning of the body
   * @param now the current time, to turn a {@code Retry-After} date into a delay
   */
  public DatabricksError response(int status, String reason, Map<String, List<String>> headers, byte[] body,
      boolean cut, Instant now) {
    ErrorBody parsed = ErrorParser.parse(status, reason, body);
    String code = parsed.errorCode();
    String message = parsed.message();
    if (cut) {
      // a JSON error cut short does not parse; its code and message come first, so keep the type
      String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
      Matcher c = CODE.matcher(text);
      Matcher m = MESSAGE.matcher(text);
      if (c.find()) {
        code = c.group(1);
        message = m.find() ? m.group(1).replace("\\\"", "\"") : message;
      }
      message = message + " [the answer was larger than " + body.length + " bytes; the rest was not read]";
    }
    String retryAfterHeader = first(headers, "Retry-After");
    Duration retryAfter = RetryAfter.parse(retryAfterHeader, now)
        .orElse(status == 429 || status == 503 ? DEFAULT_RETRY_AFTER : null);
    String requestId = first(headers, "x-request-id");
    return ErrorMapper.map(base()
        .statusCode(status)
        .errorCode(code)
        .message(message)
        .details(parsed.legacyDetails())
        .errorDetails(parsed.details())
        .retryAfter(retryAfter)
        .requestId(requestId == null ? first(headers, "x-databricks-request-id") : requestId)
        .build());
  }

  /** {@code error} again, with this call's id, attempts and hint. */
  public DatabricksError again(DatabricksError error) {
    ErrorResponse r = error.response();
    String h = r.hint().isEmpty() ? hint : hint.isEmpty() ? r.hint() : r.hint() + " " + hint;
    return ErrorMapper.map(r.toBuilder().callId(callId.isEmpty() ? r.callId() : callId)
        .attempts(Math.max(attempts, r.attempts())).elapsed(elapsed != null ? elapsed : r.elapsed().orElse(null))
        .hint(h).build(), error.getCause() == null ? error : error.getCause());
  }

  /**
   * A call that got no usable answer.
   *
   * @param what the failure in a few words ({@code cannot connect})
   * @param cause the failure; its class and message are quoted
   */
  public DatabricksException failure(String what, Throwable cause) {
    StringBuilder sb = new StringBuilder(method).append(' ').append(path).append(": ").append(what);
    if (cause != null) {
      String m = cause.getMessage();
      sb.append(": ").append(cause.getClass().getSimpleName());
      if (m != null && !m.isBlank()) {
        sb.append(": ").append(m.length() <= 300 ? m : m.substring(0, 300) + "...");
      }
    }
    String call = callSummary();
    if (!call.isEmpty()) {
      sb.append(" (").append(call).append(')');
    }
    if (!hint.isEmpty()) {
      sb.append(". ").append(hint);
    }
    return new DatabricksException(sb.toString(), cause);
  }

  private ErrorResponse.Builder base() {
    return ErrorResponse.builder().method(method).path(path).callId(callId).attempts(attempts).elapsed(elapsed)
        .hint(hint);
  }

  private String callSummary() {
    StringBuilder sb = new StringBuilder();
    if (!callId.isEmpty()) {
      sb.append("call ").append(callId);
    }
    if (attempts > 1) {
      sb.append(sb.length() == 0 ? "" : ", ").append(attempts).append(" attempts");
      if (elapsed != null) {
        sb.append(String.format(Locale.ROOT, " in %.1f s", elapsed.toMillis() / 1000.0));
      }
    }
    return sb.toString();
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
