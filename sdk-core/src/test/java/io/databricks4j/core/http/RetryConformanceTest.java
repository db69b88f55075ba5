package io.databricks4j.core.http;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.RequestBody;
import static io.databricks4j.core.error.Conformance.lineage;
import static io.databricks4j.core.error.Conformance.opt;
import static io.databricks4j.core.error.Conformance.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.databricks4j.core.error.Conformance;
import io.databricks4j.core.error.Conformance.Verdict;
import io.databricks4j.core.error.ErrorMapper;
import io.databricks4j.core.error.RetryAfter;
import io.databricks4j.core.retry.Backoff;
import io.databricks4j.core.retry.FakeTime;
import io.databricks4j.core.retry.RetryClassifier;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.error.ErrorResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import io.databricks4j.http.NameResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * retry_cases.json of the conformance suite: response sequences through an {@link HttpPipeline}
 * against a local server (simulated clock, no real waiting), and the retriability, backoff and
 * Retry-After tables through {@link RetryClassifier}, {@link Backoff} and {@link RetryAfter}.
 */
class RetryConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JAVA_401_BODY = "{\"error_code\":\"ERROR\",\"details\":[{\"@type\":"
      + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"reason\",\"domain\":\"domain\",\"metadata\":"
      + "{\"etag\":\"value\"}},{\"@type\":\"unrelated\",\"reason\":\"wrong\",\"domain\":\"wrongDomain\"}]}";

  @TempDir
  Path tmp;

  @Test
  void retryCasesBehaveAsTheOfficialSdksExceptDocumentedDifferences() throws Exception {
    JsonNode cases = Conformance.read("retry_cases.json");
    List<Verdict> verdicts = new ArrayList<>();
    for (JsonNode c : cases) {
      String name = c.get("name").asText();
      List<String> problems = new ArrayList<>();
      try {
        evaluate(c, problems);
      } catch (RuntimeException | IOException e) {
        problems.add("harness threw " + e);
      }
      verdicts.add(problems.isEmpty() ? Verdict.pass(name) : Verdict.fail(name, String.join("; ", problems)));
    }
    List<Verdict> unexplained = Conformance.report("retry_cases.json", verdicts);
    assertThat(cases.size()).isEqualTo(93);
    assertThat(unexplained).as("failures not listed in conformance-differences.md").isEmpty();
  }

  private void evaluate(JsonNode c, List<String> problems) throws IOException {
    JsonNode expect = c.get("expect");
    JsonNode request = c.get("request");
    if (expect.has("strategy")) {
      String want = expect.get("strategy").asText();
      boolean idempotent = RetryClassifier.isIdempotent(text(request, "method"), URI.create(text(request, "url")).getPath());
      check(problems, "strategy", want, idempotent ? "IdempotentRequestRetryStrategy" : "NonIdempotentRequestRetryStrategy");
    } else if (expect.has("backoff_millis_by_attempt")) {
      Backoff backoff = Backoff.exponential();
      expect.get("backoff_millis_by_attempt").properties().forEach(f -> {
        long ms = backoff.delay(Integer.parseInt(f.getKey()), Duration.ZERO).toMillis();
        if (ms < f.getValue().get(0).asLong() || ms > f.getValue().get(1).asLong()) {
          problems.add("attempt " + f.getKey() + ": " + ms + " ms outside " + f.getValue());
        }
      });
    } else if (expect.has("backoff_millis")) {
      JsonNode headers = c.get("responses").get(0).get("headers");
      Long got = RetryAfter.parse(header(headers, "Retry-After"), java.time.Instant.now())
          .map(d -> Backoff.exponential().delay(1, d).toMillis()).orElse(null);
      check(problems, "backoff_millis", expect.get("backoff_millis").isNull() ? null : expect.get("backoff_millis").asLong(), got);
    } else if (expect.has("ok")) {
      JsonNode headers = c.get("responses").get(0).get("headers");
      var parsed = RetryAfter.parse(header(headers, "Retry-After"), java.time.Instant.now());
      check(problems, "ok", expect.get("ok").asBoolean(), parsed.isPresent());
      check(problems, "delay_seconds", expect.get("delay_seconds").asLong(), parsed.map(Duration::getSeconds).orElse(0L));
    } else if (expect.has("is_retriable")) {
      classify(c, problems);
    } else if ("token source call".equals(text(request, "kind"))) {
      throughPipeline(tokenSourceCase(c), problems);
    } else {
      throughPipeline(c, problems);
    }
  }

  /** The retriability tables. Go's token retriever tables classify a token POST. */
  private static void classify(JsonNode c, List<String> problems) {
    JsonNode error = c.get("error");
    JsonNode expect = c.get("expect");
    boolean idempotent = "IdempotentRequestRetryStrategy".equals(text(c, "strategy"));
    Throwable failure;
    String description = text(error, "description");
    if (description != null) {
      failure = goFailure(description);
    } else if (error.has("headers")) {
      failure = ErrorMapper.fromResponse("POST", "/oidc/v1/token", error.get("status").asInt(), "",
          header(error.get("headers"), "Retry-After"), new byte[0], java.time.Instant.now());
    } else if (text(error, "cause") != null) {
      failure = javaCause(text(error, "cause"));
    } else {
      failure = ErrorMapper.map(ErrorResponse.builder()
          .statusCode(error.has("status") && error.get("status").isInt() ? error.get("status").asInt() : 0)
          .errorCode(text(error, "error_code")).message(text(error, "message")).build());
    }
    check(problems, "is_retriable", expect.get("is_retriable").asBoolean(),
        RetryClassifier.retryReason(failure, idempotent).isPresent());
    if (expect.has("delay_seconds") || expect.has("delay_seconds_range")) {
      Duration ra = ((DatabricksError) failure).retryAfter().orElse(Duration.ZERO);
      long max = c.get("client_config").get("backoff_maximum_seconds").asLong();
      Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(max), Duration.ofMillis(750), null);
      Duration delay = backoff.delay(1, RetryAfter.parse(header(error.get("headers"), "Retry-After"),
          java.time.Instant.now()).orElse(Duration.ZERO));
      if (expect.has("delay_seconds")) {
        check(problems, "delay_seconds", expect.get("delay_seconds").asLong(), delay.getSeconds());
      } else {
        JsonNode range = expect.get("delay_seconds_range");
        if (delay.toMillis() < range.get(0).asLong() * 1000 || delay.toMillis() > range.get(1).asLong() * 1000) {
          problems.add("delay " + delay + " outside " + range + " (Retry-After " + ra + ")");
        }
      }
    }
  }

  private static Throwable goFailure(String d) {
    if (d.startsWith("HTTP ") || d.startsWith("oauth2 RetrieveError ")) {
      int status = lastStatus(d);
      return ErrorMapper.fromResponse("POST", "/oidc/v1/token", status, "", null, new byte[0], java.time.Instant.now());
    }
    if (d.contains("ECONNRESET")) {
      return new SocketException("Connection reset");
    }
    if (d.contains("ECONNREFUSED")) {
      return new ConnectException("Connection refused");
    }
    if (d.contains("timeout")) {
      return new SocketTimeoutException("Read timed out");
    }
    if (d.contains("no such host")) {
      return new UnknownHostException("no-such-host.invalid");
    }
    return new RuntimeException(d);
  }

  /** The last three-digit number of a Go error description: the HTTP status. */
  private static int lastStatus(String d) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(\\d{3})\\b").matcher(d);
    int status = -1;
    while (m.find()) {
      status = Integer.parseInt(m.group(1));
    }
    return status;
  }

  private static Throwable javaCause(String cause) {
    return switch (cause) {
      case "java.net.ConnectException" -> new ConnectException("Connection refused");
      case "IllegalArgumentException" -> new IllegalArgumentException("bad argument");
      default -> throw new IllegalArgumentException("unknown cause " + cause);
    };
  }

  /** Go's token-source retry cases as a token POST through the pipeline. */
  private static JsonNode tokenSourceCase(JsonNode c) throws IOException {
    var out = JSON.createObjectNode();
    out.set("request", JSON.createObjectNode().put("method", "POST").put("path", "/oidc/v1/token")
        .put("body", "grant_type=client_credentials"));
    var responses = out.putArray("responses");
    for (JsonNode r : c.get("responses")) {
      String result = r.get("result").asText();
      if (result.equals("ok")) {
        responses.add(JSON.readTree("{\"status\":200,\"body\":\"{\\\"access_token\\\":\\\"x\\\"}\"}"));
      } else if (result.contains("ECONNRESET")) {
        responses.add(JSON.createObjectNode().put("transport_error", result));
      } else {
        responses.add(JSON.createObjectNode().put("status", lastStatus(result)));
      }
    }
    out.set("expect", JSON.createObjectNode()
        .put("attempts", c.get("expect").get("attempts").asInt())
        .put("outcome", c.get("expect").get("outcome").asText().startsWith("error") ? "error" : "success"));
    return out;
  }

  private void throughPipeline(JsonNode c, List<String> problems) throws IOException {
    JsonNode expect = c.get("expect");
    JsonNode config = c.get("client_config");
    JsonNode request = c.get("request");
    FakeTime time = new FakeTime();
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger dnsCalls = new AtomicInteger();
    List<JsonNode> responses = new ArrayList<>();
    c.get("responses").forEach(responses::add);
    boolean refuseFirst = responses.get(0).has("transport_error")
        && responses.get(0).get("transport_error").asText().contains("connection refused");
    boolean unknownHostFirst = responses.get(0).has("transport_error")
        && responses.get(0).get("transport_error").asText().contains("UnknownHostException");
    // the connection-level failures happen before the server; the server sees the rest
    List<JsonNode> served = refuseFirst || unknownHostFirst ? responses.subList(1, responses.size()) : responses;
    NameResolver dns = new NameResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        int n = dnsCalls.incrementAndGet();
        if (n == 1 && unknownHostFirst) {
          throw new UnknownHostException("Connect timed out");
        }
        // nothing listens on 127.0.0.2: the first connection is refused
        return new InetAddress[] {InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (n == 1 && refuseFirst ? 2 : 1)})};
      }
    };
    try (LocalServer server = LocalServer.start()) {
      List<LocalServer.Reply> replies = new ArrayList<>();
      for (JsonNode r : served) {
        replies.add(reply(r, time));
      }
      boolean repeat = served.stream().anyMatch(r -> "always".equals(text(r, "repeat")));
      server.script(repeat, replies.toArray(LocalServer.Reply[]::new));
      HttpPipeline.Builder b = HttpPipeline.builder()
          .baseUrl("http://databricks.test:" + server.port())
          .nameResolver(dns)
          .clock(time)
          .sleeper(time.sleeper())
          .backoff(Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMillis(750),
              RandomGenerator.of("L64X128MixRandom")))
          .interceptor(r -> attempts.incrementAndGet());
      if (config != null && config.has("retry_timeout_seconds")) {
        b.retryTimeout(Duration.ofSeconds(config.get("retry_timeout_seconds").asLong()));
      }
      if (config != null && config.has("disable_retries")) {
        b.disableRetries(config.get("disable_retries").asBoolean());
      }
      if (config != null && config.has("token")) {
        b.headers(() -> Map.of("Authorization", "Bearer " + config.get("token").asText()));
      }
      HttpRequest.Builder rb = HttpRequest.builder(text(request, "method"), path(request));
      opt(request, "headers").ifPresent(h -> h.properties().forEach(f -> rb.header(f.getKey(), f.getValue().asText())));
      opt(request, "query").ifPresent(q -> q.properties().forEach(f -> rb.query(f.getKey(), f.getValue().asText())));
      String bodySpec = text(request, "body");
      if (bodySpec != null) {
        rb.body(body(bodySpec));
      }
      Object outcome;
      try (HttpPipeline pipeline = b.build(); HttpResponse response = pipeline.execute(rb.build())) {
        outcome = response.bodyAsBytes();
      } catch (DatabricksException e) {
        outcome = e;
      }
      compare(expect, outcome, attempts.get(), server.received(), problems);
    }
  }

  private static void compare(JsonNode expect, Object outcome, int attempts, List<LocalServer.Received> received,
      List<String> problems) throws IOException {
    for (var f : expect.properties()) {
      JsonNode want = f.getValue();
      switch (f.getKey()) {
        case "attempts" -> check(problems, "attempts", want.asInt(), attempts);
        case "outcome" -> check(problems, "outcome", want.asText().startsWith("error") ? "error" : "success",
            outcome instanceof Throwable ? "error" : "success");
        case "result_contains_key" -> {
          if (!(outcome instanceof byte[] b) || !JSON.readTree(b).has(want.asText())) {
            problems.add("result lacks key " + want.asText());
          }
        }
        case "result" -> {
          if (!(outcome instanceof byte[] b) || !JSON.readTree(b).equals(want)) {
            problems.add("result: got " + describe(outcome) + ", want " + want);
          }
        }
        case "result_bytes" -> check(problems, "result_bytes", want.asText(),
            outcome instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : describe(outcome));
        case "error_class" -> {
          if (!(outcome instanceof Throwable t) || !isA(t, want.asText())) {
            problems.add("error_class: got " + describe(outcome) + ", want " + want.asText());
          }
        }
        case "cause_class" -> {
          Throwable cause = outcome instanceof Throwable t ? t.getCause() : null;
          if (cause == null || !lineage(cause).contains(want.asText())) {
            problems.add("cause_class: got " + cause + ", want " + want.asText());
          }
        }
        case "status_code" -> check(problems, "status_code", want.asInt(),
            outcome instanceof DatabricksError e ? e.statusCode() : -1);
        case "error_message" -> check(problems, "error_message", want.asText(),
            outcome instanceof Throwable t ? t.getMessage() : describe(outcome));
        case "error_contains" -> {
          if (!(outcome instanceof Throwable t) || !t.getMessage().contains(want.asText())) {
            problems.add("error lacks '" + want.asText() + "': " + describe(outcome));
          }
        }
        case "error_is" -> {
          if (!(outcome instanceof Throwable t) || !(t.getCause() instanceof IOException)) {
            problems.add("error is not the transport error: " + describe(outcome));
          }
        }
        case "body_sent_each_attempt" -> received.forEach(r -> check(problems, "body sent", want.asText(), r.bodyText()));
        case "bytes_sent_per_attempt" -> {
          List<Integer> sizes = received.stream().map(r -> r.body().length).toList();
          List<Integer> wanted = new ArrayList<>();
          want.forEach(n -> wanted.add(n.asInt()));
          check(problems, "bytes_sent_per_attempt", wanted, sizes);
        }
        case "request_headers_seen" -> want.properties().forEach(h -> received.forEach(
            r -> check(problems, "header " + h.getKey(), h.getValue().asText(), r.header(h.getKey()))));
        case "request_body" -> received.forEach(r -> check(problems, "request body", 0, r.body().length));
        default -> problems.add("unknown expectation " + f.getKey());
      }
    }
  }

  /**
   * Python's transport "Timeout" is the I/O error itself; Python's "TimeoutError" is its
   * retry-budget error (we throw the last service error instead).
   */
  private static boolean isA(Throwable t, String cls) {
    if (cls.equals("Timeout")) {
      return t.getClass() == DatabricksException.class && t.getCause() instanceof IOException;
    }
    return cls.equals("DatabricksError") || cls.equals("DatabricksException")
        ? lineage(t).contains(cls) : t.getClass().getSimpleName().equals(cls);
  }

  private static String describe(Object outcome) {
    return outcome instanceof byte[] b ? "body '" + new String(b, StandardCharsets.UTF_8) + "'" : String.valueOf(outcome);
  }

  private static LocalServer.Reply reply(JsonNode r, FakeTime time) {
    if (r.has("transport_error")) {
      return LocalServer.Reply.drop();
    }
    int status = r.get("status").asInt();
    String body = text(r, "body");
    if (body != null && body.startsWith("<error_code ERROR + ErrorInfo details")) {
      body = JAVA_401_BODY;
    }
    List<String> headers = new ArrayList<>();
    JsonNode h = r.get("headers");
    if (h != null && !h.isNull()) {
      for (var f : h.properties()) {
        String v = f.getValue().asText();
        if (v.startsWith("<RFC-1123 date = now + 5 s")) {
          v = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(5).atOffset(ZoneOffset.UTC));
        }
        headers.add(f.getKey());
        headers.add(v);
      }
    }
    return LocalServer.Reply.of(status, body, headers.toArray(String[]::new));
  }

  /** The request bodies of the cases, described in each SDK's own terms. */
  private RequestBody body(String spec) throws IOException {
    String digits = "0123456789";
    if (spec.contains("seekable() == False")) {
      return RequestBody.of(new ByteArrayInputStream(digits.getBytes(StandardCharsets.UTF_8)), -1, RequestBody.OCTET_STREAM);
    }
    if (spec.contains("offset 4")) {
      return RequestBody.of(digits.substring(4), RequestBody.OCTET_STREAM);
    }
    if (spec.contains("0123456789")) {
      return RequestBody.of(digits, RequestBody.OCTET_STREAM);
    }
    if (spec.startsWith("InputStream of 'file-contents'")) {
      return RequestBody.of(new ByteArrayInputStream("file-contents".getBytes(StandardCharsets.UTF_8)), 13,
          RequestBody.OCTET_STREAM);
    }
    if (spec.startsWith("file reader with content 'hello world'")) {
      Path f = Files.writeString(tmp.resolve("body-" + System.nanoTime()), "hello world");
      return RequestBody.ofFile(f);
    }
    if (spec.startsWith("custom io.Reader")) {
      return RequestBody.of(new ByteArrayInputStream("custom reader".getBytes(StandardCharsets.UTF_8)), -1,
          RequestBody.OCTET_STREAM);
    }
    return RequestBody.of(spec, spec.startsWith("{") ? RequestBody.JSON : "application/x-www-form-urlencoded");
  }

  private static String path(JsonNode request) {
    String p = text(request, "path");
    if (p == null) {
      String url = text(request, "url");
      p = URI.create(url.contains("://") ? url : "http://" + url).getRawPath();
    }
    return p;
  }

  private static String header(JsonNode headers, String name) {
    if (headers == null || headers.isNull()) {
      return null;
    }
    for (var f : headers.properties()) {
      if (f.getKey().equalsIgnoreCase(name)) {
        return f.getValue().asText();
      }
    }
    return null;
  }

  private static <T> void check(List<String> problems, String what, T want, T got) {
    if (want == null ? got != null : !want.equals(got)) {
      problems.add(what + ": got '" + got + "', want '" + want + "'");
    }
  }
}
