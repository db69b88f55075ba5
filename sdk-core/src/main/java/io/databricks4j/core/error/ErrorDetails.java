package io.databricks4j.core.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.core.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The typed entries of the {@code details} array of an error response (the
 * {@code google.rpc} error-details model). When a type appears twice the last one wins; an entry
 * of an unknown type, or one whose fields do not have the declared shape, is kept verbatim in
 * {@link #unknownDetails()}. Parsing never fails.
 */
public final class ErrorDetails {
  static final String PREFIX = "type.googleapis.com/google.rpc.";
  private static final ErrorDetails EMPTY = new ErrorDetails();

  /** {@code ErrorInfo}: why the error happened, with machine-readable metadata. */
  public record ErrorInfo(String reason, String domain, Map<String, String> metadata) {}

  /** {@code RequestInfo}: the id of the request, to quote to support. */
  public record RequestInfo(String requestId, String servingData) {}

  /** {@code RetryInfo}: how long to wait before retrying. */
  public record RetryInfo(Duration retryDelay) {}

  /** {@code DebugInfo}: server-side stack entries. */
  public record DebugInfo(List<String> stackEntries, String detail) {}

  /** One quota that was exceeded. */
  public record QuotaViolation(String subject, String description) {}

  /** {@code QuotaFailure}. */
  public record QuotaFailure(List<QuotaViolation> violations) {}

  /** One precondition that failed. */
  public record PreconditionViolation(String type, String subject, String description) {}

  /** {@code PreconditionFailure}. */
  public record PreconditionFailure(List<PreconditionViolation> violations) {}

  /** One invalid request field. */
  public record FieldViolation(String field, String description) {}

  /** {@code BadRequest}: the request fields that were invalid. */
  public record BadRequestInfo(List<FieldViolation> fieldViolations) {}

  /** {@code ResourceInfo}: the resource the error is about. */
  public record ResourceInfo(String resourceType, String resourceName, String owner, String description) {}

  /** A link to documentation. */
  public record Link(String description, String url) {}

  /** {@code Help}: links to documentation. */
  public record Help(List<Link> links) {}

  private ErrorInfo errorInfo;
  private RequestInfo requestInfo;
  private RetryInfo retryInfo;
  private DebugInfo debugInfo;
  private QuotaFailure quotaFailure;
  private PreconditionFailure preconditionFailure;
  private BadRequestInfo badRequest;
  private ResourceInfo resourceInfo;
  private Help help;
  private final List<Object> unknown = new ArrayList<>();

  private ErrorDetails() {}

  /** No details. */
  public static ErrorDetails empty() {
    return EMPTY;
  }

  /** Parses a {@code details} array; anything else gives {@link #empty()}. */
  static ErrorDetails parse(JsonNode array) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return EMPTY;
    }
    ErrorDetails d = new ErrorDetails();
    for (JsonNode entry : array) {
      if (!d.accept(entry)) {
        d.unknown.add(Json.mapper().convertValue(entry, Object.class));
      }
    }
    return d;
  }

  /** The {@code @type} of an entry ({@code type} is accepted too), or null. */
  static String typeOf(JsonNode entry) {
    JsonNode t = entry.has("@type") ? entry.get("@type") : entry.get("type");
    return t != null && t.isTextual() ? t.asText() : null;
  }

  private boolean accept(JsonNode e) {
    String type = e.isObject() ? typeOf(e) : null;
    if (type == null || !type.startsWith(PREFIX)) {
      return false;
    }
    try {
      switch (type.substring(PREFIX.length())) {
        case "ErrorInfo" -> errorInfo = new ErrorInfo(str(e, "reason"), str(e, "domain"), strMap(e, "metadata"));
        case "RequestInfo" -> requestInfo = new RequestInfo(str(e, "request_id"), str(e, "serving_data"));
        case "RetryInfo" -> retryInfo = new RetryInfo(duration(str(e, "retry_delay")));
        case "DebugInfo" -> debugInfo = new DebugInfo(list(e, "stack_entries", ErrorDetails::text), str(e, "detail"));
        case "QuotaFailure" -> quotaFailure = new QuotaFailure(list(e, "violations",
            v -> new QuotaViolation(str(v, "subject"), str(v, "description"))));
        case "PreconditionFailure" -> preconditionFailure = new PreconditionFailure(list(e, "violations",
            v -> new PreconditionViolation(str(v, "type"), str(v, "subject"), str(v, "description"))));
        case "BadRequest" -> badRequest = new BadRequestInfo(list(e, "field_violations",
            v -> new FieldViolation(str(v, "field"), str(v, "description"))));
        case "ResourceInfo" -> resourceInfo = new ResourceInfo(str(e, "resource_type"), str(e, "resource_name"),
            str(e, "owner"), str(e, "description"));
        case "Help" -> help = new Help(list(e, "links", v -> new Link(str(v, "description"), str(v, "url"))));
        default -> {
          return false;
        }
      }
      return true;
    } catch (IllegalArgumentException badShape) {
      return false;
    }
  }

  private static String str(JsonNode node, String field) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(field);
    }
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field);
    }
    return v.asText();
  }

  private static String text(JsonNode v) {
    if (!v.isTextual()) {
      throw new IllegalArgumentException("not a string");
    }
    return v.asText();
  }

  private static Map<String, String> strMap(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Map.of();
    }
    if (!v.isObject()) {
      throw new IllegalArgumentException(field);
    }
    Map<String, String> out = new LinkedHashMap<>();
    v.properties().forEach(f -> out.put(f.getKey(), str(v, f.getKey())));
    return Map.copyOf(out);
  }

  private static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> element) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(field);
    }
    List<T> out = new ArrayList<>();
    for (JsonNode item : v) {
      out.add(element.apply(item));
    }
    return List.copyOf(out);
  }

  /** A protobuf JSON duration such as {@code 42.000000001s}, truncated to nanoseconds. */
  static Duration duration(String s) {
    if (s.isEmpty()) {
      return Duration.ZERO;
    }
    if (!s.endsWith("s")) {
      throw new IllegalArgumentException(s);
    }
    try {
      BigDecimal seconds = new BigDecimal(s.substring(0, s.length() - 1));
      BigDecimal nanos = seconds.movePointRight(9).setScale(0, java.math.RoundingMode.DOWN);
      return Duration.ofNanos(nanos.longValueExact());
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(s, e);
    }
  }

  public Optional<ErrorInfo> errorInfo() {
    return Optional.ofNullable(errorInfo);
  }

  public Optional<RequestInfo> requestInfo() {
    return Optional.ofNullable(requestInfo);
  }

  public Optional<RetryInfo> retryInfo() {
    return Optional.ofNullable(retryInfo);
  }

  public Optional<DebugInfo> debugInfo() {
    return Optional.ofNullable(debugInfo);
  }

  public Optional<QuotaFailure> quotaFailure() {
    return Optional.ofNullable(quotaFailure);
  }

  public Optional<PreconditionFailure> preconditionFailure() {
    return Optional.ofNullable(preconditionFailure);
  }

  public Optional<BadRequestInfo> badRequest() {
    return Optional.ofNullable(badRequest);
  }

  public Optional<ResourceInfo> resourceInfo() {
    return Optional.ofNullable(resourceInfo);
  }

  public Optional<Help> help() {
    return Optional.ofNullable(help);
  }

  /** Entries of unknown type or shape, as plain maps, lists, strings and numbers. */
  public List<Object> unknownDetails() {
    return java.util.Collections.unmodifiableList(new ArrayList<>(unknown));
  }
}
