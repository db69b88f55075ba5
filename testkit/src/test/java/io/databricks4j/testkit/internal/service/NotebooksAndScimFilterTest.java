package io.databricks4j.testkit.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.http.ApiException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class NotebooksAndScimFilterTest {
  @Test
  void sourceJupyterAndDbcRoundTripCells() {
    Notebooks.Notebook nb = Notebooks.fromSource("// Databricks notebook source\nval x = 1\n\n"
        + "// COMMAND ----------\n\n%md\n# Title\n", "SCALA");
    assertThat(nb.cells()).containsExactly("val x = 1", "%md\n# Title");
    assertThat(Notebooks.fromSource(Notebooks.toSource(nb), "SCALA")).isEqualTo(nb);
    assertThat(Notebooks.fromJupyter(Notebooks.toJupyter(nb, "n"), null)).isEqualTo(nb);
    assertThat(Notebooks.fromDbc(Notebooks.toDbc(Map.of("dir/n", nb)))).containsEntry("dir/n", nb);
    assertThatThrownBy(() -> Notebooks.fromDbc(new byte[] {1, 2, 3})).isInstanceOf(ApiException.class);
  }

  @Test
  void scimFiltersCombineComparisonsCaseInsensitively() {
    JsonNode user = Json.object("userName", "Ada@Example.com", "active", true,
        "emails", Json.array(List.of(Json.object("value", "ada@work.example"))));
    Predicate<JsonNode> p = ScimFilter.parse("username eq \"ada@example.com\" and (active eq true or displayName pr)");
    assertThat(p.test(user)).isTrue();
    assertThat(ScimFilter.parse("emails.value ew \"work.example\"").test(user)).isTrue();
    assertThat(ScimFilter.parse("not (userName sw \"ada\")").test(user)).isFalse();
    assertThat(ScimFilter.parse("displayName pr").test(user)).isFalse();
    assertThatThrownBy(() -> ScimFilter.parse("userName xx \"a\"")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ScimFilter.parse("userName eq \"a")).isInstanceOf(ApiException.class);
  }
}
