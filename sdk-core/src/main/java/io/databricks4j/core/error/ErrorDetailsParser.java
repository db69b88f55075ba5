package io.databricks4j.core.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.core.Json;
import io.databricks4j.error.ErrorDetails;
import io.databricks4j.error.ErrorDetails.BadRequestInfo;
import io.databricks4j.error.ErrorDetails.DebugInfo;
import io.databricks4j.error.ErrorDetails.ErrorInfo;
import io.databricks4j.error.ErrorDetails.FieldViolation;
import io.databricks4j.error.ErrorDetails.Help;
import io.databricks4j.error.ErrorDetails.Link;
import io.databricks4j.error.ErrorDetails.PreconditionFailure;
import io.databricks4j.error.ErrorDetails.PreconditionViolation;
import io.databricks4j.error.ErrorDetails.QuotaFailure;
import io.databricks4j.error.ErrorDetails.QuotaViolation;
import io.databricks4j.error.ErrorDetails.RequestInfo;
import io.databricks4j.error.ErrorDetails.ResourceInfo;
import io.databricks4j.error.ErrorDetails.RetryInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the {@code details} array of an error response into {@link ErrorDetails}. An entry of an
 * unknown type, or one whose fields do not have the declared shape, is kept verbatim. Never fails.
 */
final class ErrorDetailsParser {
  private ErrorDetailsParser() {}

  /** Parses a {@code details} array; anything else gives {@link ErrorDetails#empty()}. */
  static ErrorDetails parse(JsonNode array) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return ErrorDetails.empty();
    }
    ErrorDetails.Builder d = ErrorDetails.builder();
    for (JsonNode entry : array) {
      if (!accept(d, entry)) {
        d.unknown(Json.mapper().convertValue(entry, Object.class));
      }
    }
    return d.build();
  }

  /** The {@code @type} of an entry ({@code type} is accepted too), or null. */
  static String typeOf(JsonNode entry) {
    JsonNode t = entry.has("@type") ? entry.get("@type") : entry.get("type");
    return t != null && t.isTextual() ? t.asText() : null;
  }

  private static boolean accept(ErrorDetails.Builder d, JsonNode e) {
    String type = e.isObject() ? typeOf(e) : null;
    if (type == null || !type.startsWith(ErrorDetails.TYPE_PREFIX)) {
      return false;
    }
    try {
      switch (type.substring(ErrorDetails.TYPE_PREFIX.length())) {
        case "ErrorInfo" -> d.errorInfo(new ErrorInfo(str(e, "reason"), str(e, "domain"), strMap(e, "metadata")));
        case "RequestInfo" -> d.requestInfo(new RequestInfo(str(e, "request_id"), str(e, "serving_data")));
        case "RetryInfo" -> d.retryInfo(new RetryInfo(duration(str(e, "retry_delay"))));
        case "DebugInfo" -> d.debugInfo(new DebugInfo(list(e, "stack_entries", ErrorDetailsParser::text), str(e, "detail")));
        case "QuotaFailure" -> d.quotaFailure(new QuotaFailure(list(e, "violations",
            v -> new QuotaViolation(str(v, "subject"), str(v, "description")))));
        case "PreconditionFailure" -> d.preconditionFailure(new PreconditionFailure(list(e, "violations",
            v -> new PreconditionViolation(str(v, "type"), str(v, "subject"), str(v, "description")))));
        case "BadRequest" -> d.badRequest(new BadRequestInfo(list(e, "field_violations",
            v -> new FieldViolation(str(v, "field"), str(v, "description")))));
        case "ResourceInfo" -> d.resourceInfo(new ResourceInfo(str(e, "resource_type"), str(e, "resource_name"),
            str(e, "owner"), str(e, "description")));
        case "Help" -> d.help(new Help(list(e, "links", v -> new Link(str(v, "description"), str(v, "url")))));
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

}
