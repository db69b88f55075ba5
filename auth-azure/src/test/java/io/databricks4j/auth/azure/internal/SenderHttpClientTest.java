package io.databricks4j.auth.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.util.Context;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SenderHttpClientTest {

  /** Answers from a function and keeps what it was given. */
  private static final class Scripted implements HttpSender {
    final List<HttpRequest> seen = new ArrayList<>();
    final Function<HttpRequest, HttpResponse> answer;

    Scripted(Function<HttpRequest, HttpResponse> answer) {
      this.answer = answer;
    }

    @Override
    public HttpResponse send(HttpRequest request) {
      seen.add(request);
      return answer.apply(request);
    }

    @Override
    public HttpSender withLimits(Duration connectTimeout, Duration budget) {
      return this;
    }
  }

  @Test
  void aTokenRequestKeepsMethodUrlHeadersAndBodyAndMayBeRepeated() {
    Scripted sender = new Scripted(r -> HttpResponse.builder().status(200).build());
    com.azure.core.http.HttpRequest azure = new com.azure.core.http.HttpRequest(HttpMethod.POST,
        "https://login.example/t/oauth2/v2.0/token?x=1")
        .setHeader(HttpHeaderName.CONTENT_TYPE, "application/x-www-form-urlencoded")
        .setHeader(HttpHeaderName.CONTENT_LENGTH, "999")
        .setHeader(HttpHeaderName.fromString("x-client-SKU"), "MSAL.Java")
        .setBody("grant_type=client_credentials");

    new SenderHttpClient(sender).sendSync(azure, Context.NONE);

    HttpRequest sent = sender.seen.get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.url("")).isEqualTo("https://login.example/t/oauth2/v2.0/token?x=1");
    assertThat(sent.header("x-client-sku")).contains("MSAL.Java");
    assertThat(sent.header("Content-Length")).as("the transport sets it from the body").isEmpty();
    assertThat(sent.header("Content-Type")).as("travels with the body").isEmpty();
    assertThat(sent.body().orElseThrow().contentType()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(new String(sent.body().orElseThrow().bytes().orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("grant_type=client_credentials");
    assertThat(sent.idempotent()).isTrue();
  }

  @Test
  void theAnswerKeepsItsStatusEveryHeaderValueAndItsBody() {
    Scripted sender = new Scripted(r -> HttpResponse.builder().status(503).header("Retry-After", "2")
        .header("X-Multi", "a").header("X-Multi", "b").header("Content-Type", "application/json; charset=UTF-8")
        .body("{\"error\":\"temporarily_unavailable\"}".getBytes(StandardCharsets.UTF_8)).build());

    com.azure.core.http.HttpResponse response = new SenderHttpClient(sender)
        .send(new com.azure.core.http.HttpRequest(HttpMethod.GET, "http://169.254.169.254/metadata")).block();

    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(response.getHeaderValue(HttpHeaderName.fromString("retry-after"))).isEqualTo("2");
    assertThat(response.getHeaders().getValues(HttpHeaderName.fromString("x-multi"))).containsExactly("a", "b");
    assertThat(response.getBodyAsString().block()).isEqualTo("{\"error\":\"temporarily_unavailable\"}");
    assertThat(response.getBodyAsBinaryData().toString()).isEqualTo("{\"error\":\"temporarily_unavailable\"}");
    assertThat(sender.seen.get(0).body()).isEmpty();
  }

  @Test
  void aSenderFailureIsPassedOnUnchanged() {
    DatabricksException failure = new DatabricksException("GET http://169.254.169.254/metadata failed: refused");
    Scripted sender = new Scripted(r -> {
      throw failure;
    });

    assertThatThrownBy(() -> new SenderHttpClient(sender)
        .sendSync(new com.azure.core.http.HttpRequest(HttpMethod.GET, "http://169.254.169.254/metadata"), Context.NONE))
        .isSameAs(failure);
  }
}
