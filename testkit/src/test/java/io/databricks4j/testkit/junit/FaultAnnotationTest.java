package io.databricks4j.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.testkit.FaultPlan;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.support.Api;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@link Fault} annotations set the fault plan for a method or a class, and nothing outlives the method. */
@LocalWorkspaceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultAnnotationTest {
  @Test
  @Order(1)
  @Fault(path = "/api/2\\.1/clusters/list", unavailable = 100, limit = 2)
  void aMethodsFaultsApplyToIt(LocalWorkspace ws) {
    Api api = new Api(ws);
    assertThat(api.get("/api/2.1/clusters/list").status()).isEqualTo(503);
    assertThat(api.get("/api/2.1/clusters/list").status()).isEqualTo(503);
    assertThat(api.get("/api/2.1/clusters/list").status()).as("past the limit").isEqualTo(200);
    assertThat(api.get("/api/2.0/secrets/scopes/list").status()).as("another path").isEqualTo(200);
    assertThat(ws.faults().injected(FaultPlan.Fault.UNAVAILABLE)).isEqualTo(2);
  }

  @Test
  @Order(2)
  void andAreGoneAfterIt(LocalWorkspace ws) {
    assertThat(ws.faults().rules()).isEmpty();
    assertThat(new Api(ws).get("/api/2.1/clusters/list").status()).isEqualTo(200);
  }

  @Test
  @Order(3)
  @Faults(seed = 7, value = {
      @Fault(path = "/api/2\\.1/clusters/.*", methods = "GET", tooManyRequests = 100, retryAfterSeconds = 3),
      @Fault(latencyMillis = 1)})
  void severalRulesWithASeedAreTriedInOrder(LocalWorkspace ws) {
    assertThat(ws.faults().rules()).hasSize(2);
    Api api = new Api(ws);
    Api.Response limited = api.get("/api/2.1/clusters/list");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("3");
    assertThat(api.get("/api/2.0/secrets/scopes/list").status()).isEqualTo(200);
  }

  @Nested
  @Fault(path = "/api/2\\.0/secrets/.*", unavailable = 100)
  class OnAClass {
    @Test
    void applyToEveryMethodOfIt(LocalWorkspace ws) {
      assertThat(new Api(ws).get("/api/2.0/secrets/scopes/list").status()).isEqualTo(503);
    }

    @Test
    @Fault(path = "/api/2\\.1/clusters/list", connectionReset = 100, limit = 1)
    void butAMethodsOwnReplaceThem(LocalWorkspace ws) {
      assertThat(ws.faults().rules()).hasSize(1);
      assertThat(new Api(ws).get("/api/2.0/secrets/scopes/list").status()).isEqualTo(200);
    }
  }
}
