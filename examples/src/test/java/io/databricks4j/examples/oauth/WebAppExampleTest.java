package io.databricks4j.examples.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.testkit.LocalWorkspace;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The web-app OAuth flow end to end: a browser (an HTTP client with cookies that follows
 * redirects) signs in through the testkit's authorization server, which consents at once, and
 * the app lists the user's clusters with the session's credentials.
 */
class WebAppExampleTest {

  @Test
  void signsInWithPkceAndListsClustersWithTheSessionCredentials() throws Exception {
    try (LocalWorkspace workspace = LocalWorkspace.start()) {
      workspace.oauthClient("web-app-test", "web-app-secret");
      workspace.client().clusters().create(io.databricks4j.service.compute.CreateCluster.builder()
          .clusterName("web-app-cluster").sparkVersion("15.4.x-scala2.12").numWorkers(1L).build());
      try (WebAppExample app = new WebAppExample(0, workspace.host(), "web-app-test", "web-app-secret")) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(app.url() + "/"))
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Your clusters").contains("web-app-cluster");

        // a second visit reuses the session's credentials: no new sign-in
        HttpResponse<String> again = browser.send(HttpRequest.newBuilder(URI.create(app.url() + "/"))
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).contains("web-app-cluster");
        assertThat(again.uri().getPath()).isEqualTo("/");
      }
    }
  }

  @Test
  void aCallbackWithAForeignStateIsRefused() throws Exception {
    try (LocalWorkspace workspace = LocalWorkspace.start()) {
      workspace.oauthClient("web-app-test", "web-app-secret");
      try (WebAppExample app = new WebAppExample(0, workspace.host(), "web-app-test", "web-app-secret")) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        // start a sign-in without following it, then come back with a forged state
        browser.send(HttpRequest.newBuilder(URI.create(app.url() + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(app.url() + "/callback?code=x&state=forged")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(500);
        assertThat(forged.body()).containsIgnoringCase("state");
      }
    }
  }
}
