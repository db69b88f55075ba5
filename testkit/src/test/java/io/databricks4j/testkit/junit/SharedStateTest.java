package io.databricks4j.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.service.workspace.CreateScope;
import io.databricks4j.service.workspace.SecretScope;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** With {@code state = PER_CLASS} the methods of a class, nested ones included, see each other's records. */
@LocalWorkspaceTest(state = WorkspaceState.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedStateTest {
  @Test
  @Order(1)
  void oneMethodCreatesAScope(WorkspaceClient w) {
    w.secrets().createScope(CreateScope.builder().scope("shared").build());
  }

  @Test
  @Order(2)
  void theNextSeesIt(WorkspaceClient w) {
    assertThat(w.secrets().listScopes().stream().map(SecretScope::name)).containsExactly("shared");
  }

  @Nested
  class Inside {
    @Test
    void aNestedClassSharesTheOuterWorkspaceAndItsState(WorkspaceClient w) {
      w.secrets().createScope(CreateScope.builder().scope("nested").build());
      assertThat(w.secrets().listScopes().stream().map(SecretScope::name)).contains("shared", "nested");
    }
  }
}
