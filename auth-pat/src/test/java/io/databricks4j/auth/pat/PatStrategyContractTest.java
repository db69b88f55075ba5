package io.databricks4j.auth.pat;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import io.databricks4j.auth.testing.MapConfigView;
import io.databricks4j.auth.testing.RoutingSender;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatStrategyContractTest extends CredentialsStrategyContract {

  @Override
  protected CredentialsStrategy strategy() {
    return new PatStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return MapConfigView.of("host", "https://x.cloud.databricks.com", "token", "dapi-" + CANARY);
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers).containsEntry("Authorization", "Bearer dapi-" + CANARY);
  }

  @Test
  void doesNotApplyWithoutHost() {
    assertThat(new PatStrategy().configure(MapConfigView.of("token", "x"))).isEmpty();
  }

  @Test
  void makesNoHttpRequest() {
    RoutingSender sender = new RoutingSender(); // any origin but loopback would fail, and every request is counted
    new PatStrategy().configure(((MapConfigView) applicableConfig()).withHttp(sender)).orElseThrow().headers();
    assertThat(sender.count()).isZero();
  }
}
