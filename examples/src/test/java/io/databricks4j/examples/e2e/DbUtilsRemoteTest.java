package io.databricks4j.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.DatabricksException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * dbutils utilities that run on a cluster, through the Command Execution API of a fixture (the
 * testkit does not run Python): the cluster is started when terminated, one context is made, and
 * each call is {@code dbutils.<utility>.<method>(*args)} with its arguments as base64 JSON.
 */
class DbUtilsRemoteTest {
  private static final Pattern ARGS = Pattern.compile("b64decode\\('([A-Za-z0-9+/=]*)'\\)");
  private JsonFixture api;
  private final AtomicReference<String> state = new AtomicReference<>("TERMINATED");
  private final AtomicReference<Map<String, Object>> result = new AtomicReference<>();

  @BeforeEach
  void start() {
    api = new JsonFixture()
        .on("GET /api/2.1/clusters/get", r -> Map.of("cluster_id", r.param("cluster_id"), "state", state.get()))
        .on("POST /api/2.1/clusters/start", r -> {
          state.set("RUNNING");
          return Map.of();
        })
        .on("POST /api/1.2/contexts/create", r -> Map.of("id", "ctx-1"))
        .on("GET /api/1.2/contexts/status", r -> Map.of("id", "ctx-1", "status", "Running"))
        .on("POST /api/1.2/commands/execute", r -> Map.of("id", "cmd-1"))
        .on("GET /api/1.2/commands/status", r -> Map.of("id", "cmd-1", "status", "Finished", "results", result.get()));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static String args(String command) {
    Matcher m = ARGS.matcher(command);
    assertThat(m.find()).as(command).isTrue();
    return new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
  }

  @Test
  void widgetsGetStartsTheClusterMakesOneContextAndRunsTheCallThere() {
    result.set(Map.of("resultType", "text", "data", "\"the value\""));
    try (WorkspaceClient w = api.client("0123-cluster")) {
      assertThat(w.dbutils().widgets().get("name")).isEqualTo("the value");
      result.set(Map.of("resultType", "text", "data", "\"notebook exit\""));
      assertThat(w.dbutils().notebook().run("/Users/me/nb", 60, Map.of("a", "1"))).isEqualTo("notebook exit");
    }

    assertThat(api.requests("POST /api/2.1/clusters/start")).hasSize(1);
    assertThat(api.requests("POST /api/1.2/contexts/create")).hasSize(1).first()
        .satisfies(r -> assertThat(r.body().path("clusterId").asText()).isEqualTo("0123-cluster"))
        .satisfies(r -> assertThat(r.body().path("language").asText()).isEqualTo("python"));
    List<JsonFixture.Request> commands = api.requests("POST /api/1.2/commands/execute");
    assertThat(commands).hasSize(2);
    String first = commands.get(0).body().path("command").asText();
    assertThat(first).contains("dbutils.widgets.get(*__d4j_args)");
    assertThat(args(first)).isEqualTo("[\"name\"]");
    String second = commands.get(1).body().path("command").asText();
    assertThat(second).contains("dbutils.notebook.run(*__d4j_args)");
    assertThat(args(second)).isEqualTo("[\"/Users/me/nb\",60,{\"a\":\"1\"}]");
    assertThat(commands.get(1).body().path("contextId").asText()).isEqualTo("ctx-1");
  }

  @Test
  void anyUtilityIsCalledWithJsonArgumentsAndGivesItsJsonResult() {
    state.set("RUNNING");
    result.set(Map.of("resultType", "text", "data", "[\"role-a\", \"role-b\"]"));
    try (WorkspaceClient w = api.client("0123-cluster")) {
      assertThat(w.dbutils().remote("credentials").call("showRoles")).isEqualTo(List.of("role-a", "role-b"));
    }
    assertThat(api.requests("POST /api/2.1/clusters/start")).isEmpty();
  }

  @Test
  void aPythonErrorThereIsAnErrorHereWithoutTerminalColours() {
    state.set("RUNNING");
    result.set(Map.of("resultType", "error", "cause", "\u001B[0;31mInputWidgetNotDefined\u001B[0m: No input widget named nope"));
    try (WorkspaceClient w = api.client("0123-cluster")) {
      assertThatThrownBy(() -> w.dbutils().widgets().get("nope"))
          .isInstanceOf(DatabricksException.class)
          .hasMessageContaining("dbutils.widgets.get failed on cluster 0123-cluster")
          .hasMessageEndingWith("InputWidgetNotDefined: No input widget named nope");
    }
  }

  @Test
  void aClusterThatWillNotRunIsAClearError() {
    state.set("ERROR");
    try (WorkspaceClient w = api.client("0123-cluster")) {
      assertThatThrownBy(() -> w.dbutils().notebook().run("/nb", 10, Map.of()))
          .isInstanceOf(io.databricks4j.mixin.compute.ClusterStateException.class)
          .hasMessageContaining("cluster 0123-cluster cannot be made to run: it is ERROR");
    }
  }
}
