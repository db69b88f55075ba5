package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.service.serving.CreateServingEndpoint;
import io.databricks4j.service.serving.QueryEndpointInput;
import io.databricks4j.service.serving.QueryEndpointResponse;
import io.databricks4j.service.serving.ServingEndpointDetailed;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The serving data plane end to end: the endpoint's data_plane_info gives the URL, the client's
 * OAuth token is exchanged for a data-plane token, and the query goes there with it.
 */
@ExtendWith(LocalWorkspaceExtension.class)
class SdkServingDataPlaneTest {

  @Test
  void queryGoesToTheDataPlaneWithAnExchangedToken(LocalWorkspace ws) {
    ws.oauthClient("dp-sp", "dp-secret");
    try (WorkspaceClient w = new WorkspaceClient(ws.configBuilder().token(null).authType("oauth-m2m")
        .clientId("dp-sp").clientSecret("dp-secret").build())) {
      w.servingEndpoints().create(CreateServingEndpoint.builder().name("e1").build());
      ServingEndpointDetailed e1 = w.servingEndpoints().get("e1");
      assertThat(e1.dataPlaneInfo().queryInfo().endpointUrl()).endsWith("/serving-data-plane/e1/invocations");

      QueryEndpointResponse answer = w.servingEndpointsDataPlane().query(QueryEndpointInput.builder().name("e1")
          .inputs(List.of("a", "b", "c")).build());
      assertThat(answer.predictions()).containsExactly(0, 1, 2);
      // the second query reuses the data-plane token
      assertThat(w.servingEndpointsDataPlane().query(QueryEndpointInput.builder().name("e1").inputs(List.of("x"))
          .build()).predictions()).containsExactly(0);
    }
  }

  @Test
  void aPersonalAccessTokenCannotReachTheDataPlane(LocalWorkspace ws) {
    try (WorkspaceClient w = ws.client()) {
      w.servingEndpoints().create(CreateServingEndpoint.builder().name("e2").build());
      assertThatThrownBy(() -> w.servingEndpointsDataPlane().query(QueryEndpointInput.builder().name("e2")
          .inputs(List.of(1)).build()))
          .isInstanceOf(CredentialsException.class)
          .hasMessageContaining("needs a Databricks OAuth credential");
    }
  }
}
