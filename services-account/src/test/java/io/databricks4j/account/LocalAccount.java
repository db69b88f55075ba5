package io.databricks4j.account;

import io.databricks4j.service.testing.WireConformance;
import io.databricks4j.service.testing.WireRequests;
import io.databricks4j.service.testing.WireServer;
import io.databricks4j.service.testing.WireServer.Answer;
import io.databricks4j.service.testing.WireServer.Recorded;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.Environment;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** An AccountClient of account {@code acc-1} on a loopback server, with token {@code t}, never retrying. */
final class LocalAccount {
  static final String ACCOUNT_ID = "acc-1";

  /** {@code auth_type = pat} as auth-pat does it; that plug-in is not on this module's test class path. */
  private static final CredentialsStrategy PAT = new CredentialsStrategy() {
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

  private LocalAccount() {}

  // no workspace_id: sdk-core would send it on every request, account operations included
  static AccountClient client(String url) {
    return AccountClient.builder()
        .config(DatabricksConfig.builder()
            .environment(Environment.of(Map.of(), Path.of("/nonexistent")))
            .host(url).token("t").authType("pat").accountId(ACCOUNT_ID)
            .disableRetries(true)
            .build())
        .credentialsProvider(PAT)
        .build();
  }
}
