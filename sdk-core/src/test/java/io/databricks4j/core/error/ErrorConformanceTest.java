package io.databricks4j.core.error;

import static io.databricks4j.core.error.Conformance.jsonEquals;
import static io.databricks4j.core.error.Conformance.lineage;
import static io.databricks4j.core.error.Conformance.opt;
import static io.databricks4j.core.error.Conformance.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.core.error.Conformance.Verdict;
import io.databricks4j.core.http.HttpPipeline;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.core.http.LocalServer;
import io.databricks4j.core.retry.RetryClassifier;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.ErrorDetails;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.error.ErrorDetail;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** error_mapping.json of the conformance suite through {@link ErrorParser} and {@link ErrorMapper}. */
class ErrorConformanceTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * Cases that go through the official workspace ApiClient with a configuration: the context our
   * ApiClient passes to {@link HttpPipeline.Builder#errorContext}.
   */
  private static final Map<String, String> CLIENT_CONTEXT = Map.of(
      "auth_error_includes_config_401_py", "Config: host=http://localhost, auth_type=noop",
      "auth_error_includes_config_403_py", "Config: host=http://localhost, auth_type=noop");

  /** Cases about a component databricks4j does not have. */
  private static final Map<String, String> NOT_APPLICABLE = Map.of(
      "generic_http_client_error_go",
      "Go's low-level httpclient without Databricks error mapping; databricks4j maps every response");

  @Test
  void everyStatusCodeMappingRowMapsToItsClass() {
    JsonNode rows = Conformance.read("error_mapping.json").get("status_code_mapping");
    List<Verdict> verdicts = new ArrayList<>();
    for (JsonNode row : rows) {
      String name = row.get("status").asInt() + " " + row.get("error_code").asText();
      List<String> problems = new ArrayList<>();
      int examples = 0;
      for (JsonNode ex : row.get("examples")) {
        if (!ex.has("response")) {
          continue;
        }
        examples++;
        DatabricksError e = map(ex.get("request"), ex.get("response"));
        List<String> classes = lineage(e);
        if (!e.getClass().getSimpleName().equals(row.get("expect_class").asText())) {
          problems.add("class " + e.getClass().getSimpleName() + " != " + row.get("expect_class").asText());
        }
        List<String> instanceOf = new ArrayList<>();
        row.get("also_instance_of").forEach(n -> instanceOf.add(n.asText()));
        opt(ex, "asserted_instance_of").ifPresent(a -> a.forEach(n -> instanceOf.add(n.asText())));
        for (String c : instanceOf) {
          String cls = c.replaceAll("\\s*\\(.*\\)$", "");
          if (!c.contains("(py)") && !cls.equals("IOError") && !classes.contains(cls)) {
            problems.add("not a " + cls);
          }
        }
        String exact = text(ex, "asserted_exact_class");
        if (exact != null && !e.getClass().getSimpleName().equals(exact)) {
          problems.add("exact class " + e.getClass().getSimpleName() + " != " + exact);
        }
        // the official SDKs' message is the service's; ours puts the call around it (serviceMessage() is verbatim)
        String message = text(ex, "expect_message");
        if (message != null && (!message.equals(official(e)) || !e.getMessage().contains(message))) {
          problems.add("message '" + official(e) + "' != '" + message + "' or not in '" + e.getMessage() + "'");
        }
      }
      if (examples == 0) {
        problems.add("no example with a response");
      }
      verdicts.add(problems.isEmpty() ? Verdict.pass(name) : Verdict.fail(name, String.join("; ", problems)));
    }
    Conformance.report("error_mapping.json status_code_mapping", verdicts);
    assertThat(verdicts).hasSize(33);
    assertThat(verdicts).allSatisfy(v -> assertThat(v.status()).as(v.name() + ": " + v.reason()).isEqualTo("pass"));
  }

  @Test
  void atLeastNinetyPercentOfTheResponseCasesPass() {
    JsonNode cases = Conformance.read("error_mapping.json").get("cases");
    List<Verdict> verdicts = new ArrayList<>();
    for (JsonNode c : cases) {
      String name = c.get("name").asText();
      if (NOT_APPLICABLE.containsKey(name)) {
        verdicts.add(Verdict.skip(name, NOT_APPLICABLE.get(name)));
        continue;
      }
      List<String> problems = new ArrayList<>();
      try {
        check(c, problems);
      } catch (RuntimeException e) {
        problems.add("threw " + e);
      }
      verdicts.add(problems.isEmpty() ? Verdict.pass(name) : Verdict.fail(name, String.join("; ", problems)));
    }
    List<Verdict> unexplained = Conformance.report("error_mapping.json cases", verdicts);
    long pass = verdicts.stream().filter(v -> v.status().equals("pass")).count();
    long evaluated = verdicts.stream().filter(v -> !v.status().equals("skip")).count();
    assertThat(cases.size()).isEqualTo(58);
    assertThat(pass * 100.0 / evaluated).as("pass rate of evaluated cases").isGreaterThanOrEqualTo(90.0);
    assertThat(unexplained).as("failures not listed in conformance-differences.md").isEmpty();
  }

  private static void check(JsonNode c, List<String> problems) {
    JsonNode req = c.get("request");
    JsonNode resp = c.get("response");
    JsonNode expect = c.get("expect");
    if (expect.has("is_private_link_redirect")) {
      String url = text(resp, "final_url");
      StringBuilder q = new StringBuilder();
      opt(resp, "final_url_query").ifPresent(m -> m.properties().forEach(
          f -> q.append(q.length() == 0 ? "?" : "&").append(f.getKey()).append('=').append(f.getValue().asText())));
      boolean actual = PrivateLinkValidationError.isPrivateLinkRedirect(URI.create(url + q));
      expectEq(problems, "is_private_link_redirect", expect.get("is_private_link_redirect").asBoolean(), actual);
      return;
    }
    if (expect.has("error_contains")) {
      checkThroughPipeline(c, problems);
      return;
    }
    DatabricksError mapped;
    if (opt(resp, "final_url").isPresent()) {
      URI finalUrl = URI.create(text(resp, "final_url"));
      assertThat(PrivateLinkValidationError.isPrivateLinkRedirect(finalUrl)).isTrue();
      mapped = PrivateLinkValidationError.of(finalUrl, method(req), path(req));
    } else {
      mapped = map(req, resp);
    }
    String context = CLIENT_CONTEXT.get(c.get("name").asText());
    DatabricksError e = context == null ? mapped : ErrorMapper.withContext(mapped, context);
    ErrorBody body = ErrorParser.parse(status(resp), reason(resp), body(resp));
    // without a status the case is about the body alone (the official test parsed it directly)
    boolean bodyOnly = status(resp) == 0 && opt(resp, "final_url").isEmpty();
    // "class" with "specific_class" names the family the specific class belongs to
    boolean classIsFamily = expect.has("specific_class");
    for (Map.Entry<String, JsonNode> f : expect.properties()) {
      JsonNode want = f.getValue();
      switch (f.getKey()) {
        case "class", "errors_is" -> {
          String cls = want.asText();
          boolean ok = f.getKey().equals("errors_is") || cls.equals("DatabricksError") || classIsFamily
              ? lineage(e).contains(cls) : e.getClass().getSimpleName().equals(cls);
          if (!ok) {
            problems.add(f.getKey() + ": got " + lineage(e) + ", want " + cls);
          }
        }
        case "specific_class" -> expectEq(problems, "specific_class", want.asText(), e.getClass().getSimpleName());
        case "also_instance_of" -> want.forEach(n -> {
          if (!lineage(e).contains(n.asText())) {
            problems.add("not a " + n.asText());
          }
        });
        case "error_code" -> expectEq(problems, "error_code", want.isNull() ? "" : want.asText(),
            bodyOnly ? body.errorCode() : e.errorCode());
        case "message", "error_string" -> {
          expectEq(problems, f.getKey(), want.asText(), bodyOnly ? body.message() : official(e));
          if (!bodyOnly && !e.getMessage().contains(want.asText().strip().replaceAll("\\.$", ""))) {
            problems.add(f.getKey() + ": '" + want.asText() + "' not in getMessage() '" + e.getMessage() + "'");
          }
        }
        case "status_code" -> expectEq(problems, "status_code", want.asInt(), e.statusCode());
        case "retry_after_secs" -> expectEq(problems, "retry_after_secs", want.isNull() ? null : want.asLong(),
            e.retryAfter().map(Duration::getSeconds).orElse(null));
        case "api12_error" -> expectEq(problems, f.getKey(), want.asText(), body.api12Error());
        case "scim_detail" -> expectEq(problems, f.getKey(), want.asText(), body.scimDetail());
        case "scim_status" -> expectEq(problems, f.getKey(), want.asText(), body.scimStatus());
        case "scim_type" -> expectEq(problems, f.getKey(), want.asText(), body.scimType());
        case "retriable" -> expectEq(problems, "retriable", want.asBoolean(),
            RetryClassifier.retryReason(e, RetryClassifier.isIdempotent(method(req), path(req))).isPresent());
        case "error_details" -> compareDetails(problems, want, body.details());
        case "legacy_details_list" -> {
          ArrayNode actual = F.arrayNode();
          e.details().forEach(d -> actual.add(legacy(d, "@type")));
          if (!jsonEquals(want, actual)) {
            problems.add("legacy_details_list: got " + actual + ", want " + want);
          }
        }
        case "error_info_list" -> {
          ArrayNode actual = F.arrayNode();
          boolean withType = want.size() > 0 && want.get(0).has("type");
          e.details().stream().filter(d -> d.type().equals(ErrorDetails.TYPE_PREFIX + "ErrorInfo"))
              .forEach(d -> actual.add(withType ? legacy(d, "type") : legacy(d, null)));
          if (!jsonEquals(want, actual)) {
            problems.add("error_info_list: got " + actual + ", want " + want);
          }
        }
        case "message_contains" -> want.forEach(n -> {
          if (!e.getMessage().contains(n.asText())) {
            problems.add("message lacks '" + n.asText() + "'");
          }
        });
        case "message_not_contains" -> want.forEach(n -> {
          if (e.getMessage().contains(n.asText())) {
            problems.add("message contains '" + n.asText() + "'");
          }
        });
        default -> problems.add("unknown expectation " + f.getKey());
      }
    }
  }

  /** A response the caller expected JSON from, answered with HTML: through a real pipeline. */
  private static void checkThroughPipeline(JsonNode c, List<String> problems) {
    String html = text(c.get("response"), "body");
    try (LocalServer server = LocalServer.start();
        HttpPipeline pipeline = HttpPipeline.builder().baseUrl(server.baseUrl()).build()) {
      server.always(LocalServer.Reply.of(200, html, "Content-Type", "text/html"));
      try {
        pipeline.execute(HttpRequest.builder("GET", path(c.get("request"))).header("Accept", "application/json").build())
            .close();
        problems.add("no error");
      } catch (DatabricksException e) {
        String want = c.get("expect").get("error_contains").asText();
        if (!e.getMessage().contains(want)) {
          problems.add("message '" + e.getMessage() + "' lacks '" + want + "'");
        }
      }
    }
  }

  /** What the official SDKs print: the service's message, then the hint (the configuration of a 401/403). */
  private static String official(DatabricksError e) {
    String hint = e.response().hint();
    String m = e.serviceMessage();
    return hint.isEmpty() ? m : m + (m.endsWith(".") ? " " : ". ") + hint;
  }

  static DatabricksError map(JsonNode req, JsonNode resp) {
    return ErrorMapper.fromResponse(method(req), path(req), status(resp), reason(resp),
        text(resp.get("headers"), "Retry-After"), body(resp), NOW);
  }

  private static void compareDetails(List<String> problems, JsonNode want, ErrorDetails d) {
    ObjectNode actual = F.objectNode();
    d.errorInfo().ifPresent(i -> actual.set("error_info", F.objectNode().put("reason", i.reason())
        .put("domain", i.domain()).set("metadata", Conformance.toJson(i.metadata()))));
    d.requestInfo().ifPresent(i -> actual.set("request_info", F.objectNode().put("request_id", i.requestId())
        .put("serving_data", i.servingData())));
    d.debugInfo().ifPresent(i -> actual.set("debug_info", F.objectNode().put("detail", i.detail())
        .set("stack_entries", Conformance.toJson(i.stackEntries()))));
    d.quotaFailure().ifPresent(i -> {
      ArrayNode v = F.arrayNode();
      i.violations().forEach(x -> v.add(F.objectNode().put("subject", x.subject()).put("description", x.description())));
      actual.set("quota_failure", F.objectNode().set("violations", v));
    });
    d.preconditionFailure().ifPresent(i -> {
      ArrayNode v = F.arrayNode();
      i.violations().forEach(x -> v.add(F.objectNode().put("type", x.type()).put("subject", x.subject())
          .put("description", x.description())));
      actual.set("precondition_failure", F.objectNode().set("violations", v));
    });
    d.badRequest().ifPresent(i -> {
      ArrayNode v = F.arrayNode();
      i.fieldViolations().forEach(x -> v.add(F.objectNode().put("field", x.field()).put("description", x.description())));
      actual.set("bad_request", F.objectNode().set("field_violations", v));
    });
    d.resourceInfo().ifPresent(i -> actual.set("resource_info", F.objectNode().put("resource_type", i.resourceType())
        .put("resource_name", i.resourceName()).put("owner", i.owner()).put("description", i.description())));
    d.help().ifPresent(i -> {
      ArrayNode v = F.arrayNode();
      i.links().forEach(x -> v.add(F.objectNode().put("description", x.description()).put("url", x.url())));
      actual.set("help", F.objectNode().set("links", v));
    });
    actual.set("unknown_details", Conformance.toJson(d.unknownDetails()));
    for (Map.Entry<String, JsonNode> f : want.properties()) {
      if (f.getKey().equals("retry_info")) {
        Duration got = d.retryInfo().map(ErrorDetails.RetryInfo::retryDelay).orElse(null);
        Duration exp = retryDelay(f.getValue());
        if (got == null || !got.equals(exp)) {
          problems.add("retry_info: got " + got + ", want " + exp);
        }
      } else if (!jsonEquals(partial(f.getValue(), actual.get(f.getKey())), f.getValue())) {
        problems.add(f.getKey() + ": got " + actual.get(f.getKey()) + ", want " + f.getValue());
      }
    }
  }

  /** Only the fields the expectation names (an expectation may leave fields out). */
  private static JsonNode partial(JsonNode want, JsonNode got) {
    if (got == null || !want.isObject() || !got.isObject()) {
      return got;
    }
    ObjectNode out = F.objectNode();
    want.properties().forEach(f -> {
      if (got.has(f.getKey())) {
        out.set(f.getKey(), partial(f.getValue(), got.get(f.getKey())));
      }
    });
    return out;
  }

  private static Duration retryDelay(JsonNode want) {
    if (want.has("retry_delay_seconds")) {
      BigDecimal s = want.get("retry_delay_seconds").decimalValue();
      return Duration.ofNanos(s.movePointRight(9).longValue());
    }
    Matcher m = Pattern.compile("(\\d+)s \\+ (\\d+)ns").matcher(want.get("retry_delay").asText());
    return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))).plusNanos(Long.parseLong(m.group(2))) : null;
  }

  private static ObjectNode legacy(ErrorDetail d, String typeKey) {
    ObjectNode o = F.objectNode();
    if (typeKey != null) {
      o.put(typeKey, d.type());
    }
    if (!d.reason().isEmpty()) {
      o.put("reason", d.reason());
    }
    if (!d.domain().isEmpty()) {
      o.put("domain", d.domain());
    }
    if (!d.metadata().isEmpty()) {
      o.set("metadata", Conformance.toJson(d.metadata()));
    }
    return o;
  }

  private static <T> void expectEq(List<String> problems, String what, T want, T got) {
    if (want == null ? got != null : !want.equals(got)) {
      problems.add(what + ": got '" + got + "', want '" + want + "'");
    }
  }

  static String method(JsonNode req) {
    String m = text(req, "method");
    return m == null ? "GET" : m;
  }

  static String path(JsonNode req) {
    String p = text(req, "path");
    if (p == null && text(req, "url") != null) {
      p = URI.create(text(req, "url")).getRawPath();
    }
    if (p == null) {
      return "/";
    }
    int q = p.indexOf('?');
    return q < 0 ? p : p.substring(0, q);
  }

  static int status(JsonNode resp) {
    JsonNode s = resp.get("status");
    return s != null && s.isInt() ? s.asInt() : 0;
  }

  static String reason(JsonNode resp) {
    String r = text(resp, "reason");
    return r == null ? "" : r;
  }

  static byte[] body(JsonNode resp) {
    String hex = text(resp, "body_bytes_hex");
    if (hex != null) {
      return HexFormat.of().parseHex(hex);
    }
    String b = text(resp, "body");
    return b == null ? new byte[0] : b.getBytes(StandardCharsets.UTF_8);
  }
}
