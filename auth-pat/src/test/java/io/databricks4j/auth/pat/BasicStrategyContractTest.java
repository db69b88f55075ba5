package io.databricks4j.auth.pat;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import io.databricks4j.auth.testing.MapConfigView;
import io.databricks4j.auth.testing.RoutingSender;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicStrategyContractTest extends CredentialsStrategyContract {

  @Override
  protected CredentialsStrategy strategy() {
    return new BasicStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return MapConfigView.of("host", "https://x.cloud.databricks.com", "username", "me", "password", CANARY);
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    String expected = Base64.getEncoder().encodeToString(("me:" + CANARY).getBytes(StandardCharsets.UTF_8));
    assertThat(headers).containsEntry("Authorization", "Basic " + expected);
  }

  @Test
  void needsBothUsernameAndPassword() {
    assertThat(new BasicStrategy().configure(MapConfigView.of("host", "h", "username", "me"))).isEmpty();
  }

  @Test
  void makesNoHttpRequest() {
    RoutingSender sender = new RoutingSender(); // any origin but loopback would fail, and every request is counted
    new BasicStrategy().configure(((MapConfigView) applicableConfig()).withHttp(sender)).orElseThrow().headers();
    assertThat(sender.count()).isZero();
  }
}
