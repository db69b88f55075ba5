package io.databricks4j.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.codegen.generate.Coverage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every account operation of codegen/api has its public method in the compiled services. */
class GeneratedOperationsCoverageTest {
  @Test
  void everyAccountOperationIsGenerated() {
    Path api = Path.of(System.getProperty("codegen.api.dir", "../codegen/api"));
    Coverage.Result r = Coverage.check(api, "account", getClass().getClassLoader());
    assertThat(r.missing()).as("operations (or no-arg overloads) not generated").isEmpty();
    assertThat(r.noArgFound()).as("no-arg overloads").isEqualTo(r.withoutRequired()).isPositive();
    assertThat(r.found()).isEqualTo(r.described()).isEqualTo(197);
  }

  @Test
  void workspaceAndAccountOperationsAddUpToTheDescription() {
    Path api = Path.of(System.getProperty("codegen.api.dir", "../codegen/api"));
    Coverage.Result ws = Coverage.check(api, "workspace", getClass().getClassLoader());
    Coverage.Result acct = Coverage.check(api, "account", getClass().getClassLoader());
    assertThat(ws.missing()).isEmpty();
    assertThat(ws.found() + acct.found()).isEqualTo(1222);
  }
}
