package io.databricks4j.account;

import io.databricks4j.service.testing.WireConformance;
import io.databricks4j.service.testing.WireRequests;
import io.databricks4j.service.testing.WireServer;
import io.databricks4j.service.testing.WireServer.Answer;
import io.databricks4j.service.testing.WireServer.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.codegen.model.DescriptionIo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every account operation of codegen/api, called through the client's services against a
 * loopback server, sends what the description says: verb, encoded path with the configured
 * account id, query, body, headers (and no workspace id header).
 */
class EveryAccountOperationOverTheWireTest {
  @Test
  void everyAccountOperationSendsWhatTheDescriptionSays() {
    Path api = Path.of(System.getProperty("codegen.api.dir", "../codegen/api"));
    try (WireServer server = new WireServer(); AccountClient a = LocalAccount.client(server.url())) {
      WireConformance.Report r = new WireConformance(DescriptionIo.readPackages(api), server,
          LocalAccount.ACCOUNT_ID, "unset").run("account", a);

      System.out.printf("account: %d operations exercised over the wire, %d mismatched, %d expected exceptions %s,"
          + " %d known description defects %s%n", r.exercised(), r.mismatches().size(), r.expectedExceptions().size(),
          r.expectedExceptions(), r.defects().size(), r.defects());
      assertThat(r.mismatches()).as("operations whose request does not match the description").isEmpty();
      assertThat(r.exercised()).isEqualTo(197);
      assertThat(r.expectedExceptions()).isEmpty();
      assertThat(r.defects()).isEmpty();
    }
  }
}
