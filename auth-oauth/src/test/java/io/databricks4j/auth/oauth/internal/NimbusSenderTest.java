package io.databricks4j.auth.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class NimbusSenderTest {

  /** A sender that answers from a function and keeps what it was given. */
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
  void aTokenRequestKeepsItsMethodUrlHeadersAndFormBody() {
    Scripted sender = new Scripted(r -> HttpResponse.builder().status(200).header("Content-Type", "application/json")
        .body("{\"access_token\":\"a\",\"token_type\":\"Bearer\"}".getBytes(StandardCharsets.UTF_8)).build());
    TokenRequest token = new TokenRequest.Builder(URI.create("https://h.example/oidc/v1/token"),
        new ClientSecretBasic(new ClientID("sp"), new Secret("s")), new ClientCredentialsGrant()).build();

    TokenEndpoint.request("oauth-m2m", token, java.time.Clock.systemUTC(), sender);

    HttpRequest sent = sender.seen.get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.origin()).contains("https://h.example");
    assertThat(sent.path()).isEqualTo("/oidc/v1/token");
    assertThat(sent.header("Authorization")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
    assertThat(sent.header("Accept")).contains("application/json");
    assertThat(sent.header("Content-Type")).as("travels with the body").isEmpty();
    assertThat(sent.body()).hasValueSatisfying(b -> {
      assertThat(b.contentType()).startsWith("application/x-www-form-urlencoded");
      assertThat(new String(b.bytes().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("grant_type=client_credentials");
    });
    assertThat(sent.idempotent()).isTrue();
  }

  @Test
  void aGetKeepsItsQueryAndHasNoBody() {
    Scripted sender = new Scripted(r -> HttpResponse.builder().status(204).build());
    Http.send("github-oidc", Http.get(URI.create("https://gh.example/token?api-version=2.0&audience=a%20b")), sender, false);

    HttpRequest sent = sender.seen.get(0);
    assertThat(sent.method()).isEqualTo("GET");
    assertThat(sent.query()).containsEntry("audience", List.of("a b")).containsEntry("api-version", List.of("2.0"));
    assertThat(sent.body()).isEmpty();
    assertThat(sent.idempotent()).isTrue();
  }

  @Test
  void theAnswerReachesNimbusWhateverItsStatusWithItsHeadersAndCharset() {
    Scripted sender = new Scripted(r -> HttpResponse.builder().status(503).reason("Service Unavailable")
        .header("Retry-After", "1").header("Content-Type", "text/plain; charset=ISO-8859-1")
        .body("d\u00e9j\u00e0".getBytes(StandardCharsets.ISO_8859_1)).build());

    HTTPResponse response = Http.send("s", new HTTPRequest(HTTPRequest.Method.GET, URI.create("https://x.example/")), sender, true);

    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(response.getStatusMessage()).isEqualTo("Service Unavailable");
    assertThat(response.getHeaderValue("retry-after")).isEqualTo("1");
    assertThat(response.getBody()).isEqualTo("d\u00e9j\u00e0");
  }

  @Test
  void aSenderFailureNamesTheStrategyAndTheUrlWithoutItsQuery() {
    DatabricksException failure = new DatabricksException("GET https://gh.example/token failed: connection refused");
    Scripted sender = new Scripted(r -> {
      throw failure;
    });

    assertThatThrownBy(() -> Http.send("github-oidc", Http.get(URI.create("https://gh.example/token?audience=secret-audience")),
        sender, true))
        .isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("github-oidc: cannot reach https://gh.example/token: ")
        .hasMessageContaining("connection refused")
        .hasMessageNotContaining("secret-audience")
        .hasCause(failure);
  }

  @Test
  void aRequestWhoseOutcomeMattersIsNotMarkedRepeatable() {
    Scripted sender = new Scripted(r -> HttpResponse.builder().status(400).build());
    HTTPRequest post = new HTTPRequest(HTTPRequest.Method.POST, URI.create("https://x.example/token"));
    post.setBody("grant_type=authorization_code&code=c");

    Http.send("s", post, sender, false);

    assertThat(sender.seen.get(0).idempotent()).isFalse();
    assertThat(sender.seen.get(0).body().orElseThrow().contentType()).isEqualTo("application/octet-stream");
  }
}
