package io.databricks4j.core.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.core.Json;
import io.databricks4j.error.ErrorDetail;
import io.databricks4j.error.ErrorDetails;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;

/**
 * Reads the body of a failed response, whatever its format: the JSON error
 * ({@code error_code}, {@code message}, {@code details}), API 1.2 ({@code error}), SCIM
 * ({@code detail}, {@code status}, {@code scimType}), an HTML page (the first {@code <pre>}),
 * plain text (including {@code ERROR_CODE: message}), an empty body or invalid JSON. Never fails.
 */
public final class ErrorParser {
  /** Longest message kept from a text body; the rest is summarised. */
  static final int MAX_TEXT_MESSAGE = 16 * 1024;
  private static final Pattern PRE = Pattern.compile("<pre>(.*?)</pre>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern CODE_PREFIX = Pattern.compile("^([A-Z][A-Z0-9_]*): (.*)$", Pattern.DOTALL);

  private ErrorParser() {}

  /**
   * Parses {@code body} of a response with {@code status} and {@code reason}.
   *
   * @param status the HTTP status, 0 when unknown
   * @param reason the reason phrase; when empty the standard phrase of {@code status} is used
   * @param body the body, possibly empty; bytes that are not UTF-8 become U+FFFD
   */
  public static ErrorBody parse(int status, String reason, byte[] body) {
    String fallback = reason == null || reason.isBlank() ? reasonPhrase(status) : reason;
    String text = decode(body == null ? new byte[0] : body);
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return ErrorBody.of("", fallback);
    }
    if (trimmed.startsWith("{")) {
      try {
        JsonNode node = Json.mapper().readTree(trimmed);
        if (node != null && node.isObject()) {
          return fromJson(node, fallback);
        }
      } catch (JsonProcessingException notJson) {
        // falls through to plain text
      }
    }
    if (trimmed.startsWith("<")) {
      Matcher pre = PRE.matcher(trimmed);
      return ErrorBody.of("UNKNOWN", pre.find() ? pre.group(1).strip() : fallback);
    }
    Matcher prefixed = CODE_PREFIX.matcher(trimmed);
    if (prefixed.matches()) {
      return ErrorBody.of(prefixed.group(1), cap(prefixed.group(2)));
    }
    return ErrorBody.of("UNKNOWN", cap(trimmed));
  }

  /** The standard English reason phrase of an HTTP status, empty when unknown. */
  public static String reasonPhrase(int status) {
    if (status < 100 || status > 599) {
      return "";
    }
    String r = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
    return r == null ? "" : r;
  }

  private static ErrorBody fromJson(JsonNode json, String fallback) {
    String code = scalar(json, "error_code");
    String message = scalar(json, "message");
    String api12 = scalar(json, "error");
    String scimDetail = scalar(json, "detail");
    String scimStatus = scalar(json, "status");
    String scimType = scalar(json, "scimType");
    boolean scim = json.has("detail") || json.has("scimType");
    String resolved = message;
    if (resolved.isEmpty()) {
      resolved = api12;
    }
    if (resolved.isEmpty() && scim) {
      String detail = "null".equals(scimDetail) ? "SCIM API Internal Error" : scimDetail;
      resolved = (scimType + " " + detail).strip();
      if (code.isEmpty() && !scimStatus.isEmpty()) {
        code = "SCIM_" + scimStatus;
      }
    }
    if (resolved.isEmpty()) {
      resolved = fallback;
    }
    JsonNode details = json.get("details");
    return new ErrorBody(code, resolved, api12, scimDetail, scimStatus, scimType,
        ErrorDetailsParser.parse(details), legacy(details));
  }

  private static List<ErrorDetail> legacy(JsonNode details) {
    List<ErrorDetail> out = new ArrayList<>();
    if (details != null && details.isArray()) {
      for (JsonNode e : details) {
        String type = e.isObject() ? ErrorDetailsParser.typeOf(e) : null;
        if (type != null) {
          out.add(new ErrorDetail(type, text(e.get("reason")), text(e.get("domain")), metadata(e.get("metadata"))));
        }
      }
    }
    return out;
  }

  private static Map<String, String> metadata(JsonNode m) {
    Map<String, String> out = new LinkedHashMap<>();
    if (m != null && m.isObject()) {
      m.properties().forEach(f -> {
        if (f.getValue().isValueNode() && !f.getValue().isNull()) {
          out.put(f.getKey(), f.getValue().asText());
        }
      });
    }
    return out;
  }

  private static String text(JsonNode v) {
    return v != null && v.isTextual() ? v.asText() : "";
  }

  /** A string or number field as text (a numeric {@code error_code} becomes {@code "500"}). */
  private static String scalar(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v == null || !v.isValueNode() || v.isNull() ? "" : v.asText();
  }

  private static String decode(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException impossibleWithReplace) {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static String cap(String s) {
    if (s.length() <= MAX_TEXT_MESSAGE) {
      return s;
    }
    return s.substring(0, MAX_TEXT_MESSAGE) + "... (" + (s.length() - MAX_TEXT_MESSAGE) + " more characters)";
  }
}
