package io.databricks4j.testkit.internal.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.testkit.internal.ApiDescription;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.generic.Inference.Binding;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the engine infers from the description, and the plain JSON of its state. */
class InferenceTest {
  private static final ApiDescription D = ApiDescription.load();
  private static final Inference I = new Inference(D.operations(), new Types(D.types()), D.waiters());

  private static Map<String, Binding> bindings() {
    Map<String, Binding> out = new LinkedHashMap<>();
    I.bindings().forEach(b -> out.put(b.op().qualifiedService() + "." + b.op().name(), b));
    return out;
  }

  @Test
  void crudVerbsOfOneNounActOnOneResourceAddressedByItsGetPath() {
    Map<String, Binding> b = bindings();
    Resource app = b.get("apps.Apps.get").resource();
    assertThat(app.itemTemplate).isEqualTo("/api/2.0/apps/{name}");
    assertThat(app.entityType).isEqualTo("apps.App");
    assertThat(app.keyFields).containsEntry("name", "name");
    assertThat(app.statusPath).isEqualTo("compute_status.state");
    assertThat(app.readyState).isEqualTo("ACTIVE");
    assertThat(b.get("apps.Apps.create").role()).isEqualTo(Inference.Role.CREATE);
    assertThat(b.get("apps.Apps.list").role()).isEqualTo(Inference.Role.LIST);
    assertThat(b.get("apps.Apps.stop").role()).isEqualTo(Inference.Role.ACTION);
    assertThat(b.get("apps.Apps.deploy").role()).as("a POST on a collection creates").isEqualTo(Inference.Role.CREATE);
    assertThat(b.get("apps.Apps.deploy").resource().itemTemplate)
        .isEqualTo("/api/2.0/apps/{app_name}/deployments/{deployment_id}");
  }

  @Test
  void resourceNamesRpcKeysSettingsAndLookupsAreRecognised() {
    Map<String, Binding> b = bindings();
    assertThat(b.get("postgres.Postgres.createBranch").resource().aipPrefix).isEqualTo("/api/2.0/postgres");
    Resource run = b.get("ml.Experiments.getRun").resource();
    assertThat(run.rpc()).isTrue();
    assertThat(run.keys).containsExactly("run_id");
    assertThat(run.keyFields).containsEntry("run_id", "info.run_id");
    assertThat(b.get("ml.Experiments.logMetric").resource()).isSameAs(run);
    assertThat(b.get("ml.Experiments.getByName").resource().lookupOf)
        .isSameAs(b.get("ml.Experiments.createExperiment").resource());
    assertThat(b.get("settings.DefaultNamespace.update").role()).isEqualTo(Inference.Role.SETTING);
    assertThat(b.get("settings.IpAccessLists.get").resource().keyFields).containsEntry("ip_access_list_id", "list_id");
  }

  @Test
  void theStoreIsPlainJsonThatLoadsBack() {
    Store store = new Store();
    store.put("/api/2.0/apps/a", "apps.Apps#", "apps.App", Json.object("name", "a"));
    store.put("/api/2.0/apps/a/deployments/d", "apps.Apps#deployment", "apps.AppDeployment", Json.object("x", 1));
    store.remove("/api/2.0/apps/a");
    store.put("/api/2.0/apps/b", "apps.Apps#", "apps.App", Json.object("name", "b"));
    Store copy = new Store();
    copy.load(Json.parse(Json.text(store.toJson())));
    assertThat(Json.text(copy.toJson())).isEqualTo(Json.text(store.toJson()));
    assertThat(copy.contains("/api/2.0/apps/a/deployments/d")).as("children go with their parent").isFalse();
    assertThat(copy.trashed("/api/2.0/apps/a")).isTrue();
    assertThat(copy.list("/api/2.0/apps", "apps.Apps#")).extracting(Map.Entry::getKey).containsExactly("/api/2.0/apps/b");
  }
}
