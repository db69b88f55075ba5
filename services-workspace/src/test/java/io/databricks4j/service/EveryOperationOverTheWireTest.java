package io.databricks4j.service;

import io.databricks4j.service.testing.WireConformance;
import io.databricks4j.service.testing.WireRequests;
import io.databricks4j.service.testing.WireServer;
import io.databricks4j.service.testing.WireServer.Answer;
import io.databricks4j.service.testing.WireServer.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.codegen.model.DescriptionIo;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.Environment;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every workspace operation of codegen/api, called through the client's services against a
 * loopback server, sends what the description says: verb, encoded path, query, body, headers.
 */
class EveryOperationOverTheWireTest {
  /** {@code auth_type = pat} as auth-pat does it; that plug-in is not on this module's test class path. */
  static final CredentialsStrategy PAT = new CredentialsStrategy() {
    @Override
    public String authType() {
      return "pat";
    }

    @Override
    public Optional<HeaderFactory> configure(ConfigView c) {
      String token = c.require("token");
      return Optional.of(() -> Map.of("Authorization", "Bearer " + token));
    }
  };

  @Test
  void everyWorkspaceOperationSendsWhatTheDescriptionSays() {
    Path api = Path.of(System.getProperty("codegen.api.dir", "../codegen/api"));
    try (WireServer server = new WireServer();
        WorkspaceClient w = WorkspaceClient.builder()
            .config(DatabricksConfig.builder()
                .environment(Environment.of(Map.of(), Path.of("/nonexistent")))
                .host(server.url()).token("t").authType("pat").workspaceId("1234").disableRetries(true)
                .build())
            .credentialsProvider(PAT)
            .build()) {
      WireConformance.Report r = new WireConformance(DescriptionIo.readPackages(api), server, "unused", "1234")
          .run("workspace", w);

      System.out.printf("workspace: %d operations exercised over the wire, %d mismatched, %d expected exceptions %s,"
          + " %d known description defects %s%n", r.exercised(), r.mismatches().size(), r.expectedExceptions().size(),
          r.expectedExceptions(), r.defects().size(), r.defects());
      assertThat(r.mismatches()).as("operations whose request does not match the description").isEmpty();
      assertThat(r.exercised()).isEqualTo(1025);
      assertThat(r.expectedExceptions()).hasSize(1).first().asString()
          .startsWith("serving.ServingEndpointsDataPlane.query: asked /api/2.0/serving-endpoints/");
      // a path parameter typed as a model cannot be sent; when the description or the generator is
      // fixed, this operation leaves the list and joins the checked ones
      assertThat(r.defects()).hasSize(1).first().asString()
          .startsWith("sql.DbsqlPermissions.transferOwnership: path parameter object_id has the model type");
    }
  }
}
