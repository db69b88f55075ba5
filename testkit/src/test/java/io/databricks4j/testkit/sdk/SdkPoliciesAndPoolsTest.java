package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.compute.CreateInstancePool;
import io.databricks4j.service.compute.CreatePolicy;
import io.databricks4j.service.compute.EditInstancePool;
import io.databricks4j.service.compute.EditPolicy;
import io.databricks4j.service.compute.GetInstancePool;
import io.databricks4j.service.compute.InstancePoolAndStats;
import io.databricks4j.service.compute.InstancePoolState;
import io.databricks4j.service.compute.ListClusterPoliciesRequest;
import io.databricks4j.service.compute.ListClustersFilterBy;
import io.databricks4j.service.compute.ListClustersRequest;
import io.databricks4j.service.compute.ListPolicyFamiliesRequest;
import io.databricks4j.service.compute.ListSortColumn;
import io.databricks4j.service.compute.ListSortOrder;
import io.databricks4j.service.compute.Policy;
import io.databricks4j.service.compute.PolicyFamily;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cluster policies, policy families and instance pools through the SDK. Policies and pools are
 * listed in one page, as on Databricks; policy families are paged.
 */
class SdkPoliciesAndPoolsTest {
  private static final String DEFINITION = "{\"autotermination_minutes\":{\"type\":\"fixed\",\"value\":30}}";

  @RegisterExtension
  static final LocalWorkspaceExtension LOCAL = new LocalWorkspaceExtension(LocalWorkspace.builder().pageSize(2));
  private static WorkspaceClient w;

  @BeforeAll
  static void client(LocalWorkspace ws) {
    w = ws.client();
  }

  @AfterAll
  static void close(LocalWorkspace ws) {
    w.close();
    assertThat(ws.internalErrors()).isZero();
  }

  private static String policy(String name) {
    return w.clusterPolicies().create(CreatePolicy.builder().name(name).definition(DEFINITION)
        .maxClustersPerUser(2L).build()).policyId();
  }

  @Test
  void policiesAreCreatedReadListedSortedEditedAndDeleted() {
    List<String> ids = IntStream.range(0, 5).mapToObj(i -> policy("policy-" + i)).toList();
    Policy read = w.clusterPolicies().get(ids.get(1));
    assertThat(read.name()).isEqualTo("policy-1");
    assertThat(read.definition()).isEqualTo(DEFINITION);
    assertThat(read.maxClustersPerUser()).isEqualTo(2L);
    assertThat(read.creatorUserName()).isEqualTo(LocalWorkspace.DEFAULT_USER);

    List<Policy> byNameDescending = w.clusterPolicies().list(ListClusterPoliciesRequest.builder()
        .sortColumn(ListSortColumn.POLICY_NAME).sortOrder(ListSortOrder.DESC).build()).stream()
        .filter(p -> p.name().startsWith("policy-")).toList();
    assertThat(byNameDescending).extracting(Policy::name)
        .containsExactly("policy-4", "policy-3", "policy-2", "policy-1", "policy-0");

    w.clusterPolicies().edit(EditPolicy.builder().policyId(ids.get(0)).name("policy-0-renamed")
        .description("edited").build());
    Policy edited = w.clusterPolicies().get(ids.get(0));
    assertThat(edited.name()).isEqualTo("policy-0-renamed");
    assertThat(edited.description()).isEqualTo("edited");
    assertThat(edited.definition()).as("an edit replaces the whole policy").isEqualTo("{}");
    assertThat(edited.maxClustersPerUser()).isNull();

    w.clusterPolicies().delete(ids.get(4));
    assertThatThrownBy(() -> w.clusterPolicies().get(ids.get(4))).isInstanceOf(ResourceDoesNotExist.class);
    assertThat(w.clusterPolicies().list(ListClusterPoliciesRequest.builder().build()).stream().map(Policy::policyId))
        .doesNotContain(ids.get(4));
  }

  @Test
  void clustersAreListedByTheirPolicy() {
    String policy = policy("for-clusters");
    List<String> governed = IntStream.range(0, 3).mapToObj(i -> w.clusters().create(CreateCluster.builder()
        .clusterName("governed-" + i).sparkVersion("15.4.x-scala2.12").policyId(policy).build()).response()
        .clusterId()).toList();
    w.clusters().create(CreateCluster.builder().clusterName("free").sparkVersion("15.4.x-scala2.12").build());
    assertThat(w.clusters().list(ListClustersRequest.builder().filterBy(ListClustersFilterBy.builder().policyId(policy)
        .build()).build()).stream().map(ClusterDetails::clusterId).toList())
        .containsExactlyInAnyOrderElementsOf(governed);
  }

  @Test
  void policyErrorsAreTyped() {
    policy("taken");
    assertThatThrownBy(() -> policy("taken")).as("Databricks answers a duplicate name with 400, not 409")
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("already exists");
    assertThatThrownBy(() -> w.clusterPolicies().create(CreatePolicy.builder().definition(DEFINITION).build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("name");
    assertThatThrownBy(() -> w.clusterPolicies().create(CreatePolicy.builder().name("bad").definition("{not json")
        .build())).isInstanceOf(InvalidParameterValue.class).hasMessageContaining("JSON");
    assertThatThrownBy(() -> w.clusterPolicies().edit(EditPolicy.builder().policyId("0000000000000000").name("x")
        .build())).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.clusterPolicies().delete("0000000000000000")).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void policyFamiliesArePagedAndGiveNewPoliciesTheirDefinition() {
    List<PolicyFamily> families = w.policyFamilies().list(ListPolicyFamiliesRequest.builder().maxResults(1L).build())
        .stream().toList();
    assertThat(families).extracting(PolicyFamily::policyFamilyId)
        .containsExactly("job-cluster", "personal-vm", "power-user", "shared-compute");
    assertThat(w.policyFamilies().listPage(ListPolicyFamiliesRequest.builder().maxResults(1L).build())
        .nextPageToken()).isNotBlank();
    assertThat(w.policyFamilies().list(ListPolicyFamiliesRequest.builder().build()).stream().count()).isEqualTo(4);

    PolicyFamily personal = w.policyFamilies().get("personal-vm");
    assertThat(personal.name()).isEqualTo("Personal Compute");
    String id = w.clusterPolicies().create(CreatePolicy.builder().name("from-family").policyFamilyId("personal-vm")
        .build()).policyId();
    assertThat(w.clusterPolicies().get(id).definition()).isEqualTo(personal.definition());
    assertThatThrownBy(() -> w.policyFamilies().get("no-such-family")).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void instancePoolsAreCreatedReadListedEditedAndDeleted() {
    List<String> ids = IntStream.range(0, 5).mapToObj(i -> w.instancePools().create(CreateInstancePool.builder()
        .instancePoolName("pool-" + i).nodeTypeId("i3.xlarge").minIdleInstances(0L).maxCapacity(10L).build())
        .instancePoolId()).toList();
    GetInstancePool read = w.instancePools().get(ids.get(2));
    assertThat(read.instancePoolName()).isEqualTo("pool-2");
    assertThat(read.state()).isEqualTo(InstancePoolState.ACTIVE);
    assertThat(read.idleInstanceAutoterminationMinutes()).isEqualTo(60L);
    assertThat(read.defaultTags()).containsEntry("DatabricksInstancePoolId", ids.get(2));
    assertThat(w.instancePools().list().stream().filter(p -> p.instancePoolName().startsWith("pool-"))
        .map(InstancePoolAndStats::instancePoolId).toList()).containsExactlyInAnyOrderElementsOf(ids);

    w.instancePools().edit(EditInstancePool.builder().instancePoolId(ids.get(0)).instancePoolName("pool-0-edited")
        .nodeTypeId("i3.xlarge").maxCapacity(20L).customTags(Map.of("team", "sdk")).build());
    GetInstancePool edited = w.instancePools().get(ids.get(0));
    assertThat(edited.instancePoolName()).isEqualTo("pool-0-edited");
    assertThat(edited.maxCapacity()).isEqualTo(20L);
    assertThat(edited.customTags()).containsEntry("team", "sdk");

    w.instancePools().delete(ids.get(4));
    assertThatThrownBy(() -> w.instancePools().get(ids.get(4))).isInstanceOf(ResourceDoesNotExist.class);
    assertThat(w.instancePools().list().stream().map(InstancePoolAndStats::instancePoolId)).doesNotContain(ids.get(4));
  }

  @Test
  void instancePoolErrorsAreTyped() {
    String id = w.instancePools().create(CreateInstancePool.builder().instancePoolName("fixed-node")
        .nodeTypeId("i3.xlarge").build()).instancePoolId();
    assertThatThrownBy(() -> w.instancePools().edit(EditInstancePool.builder().instancePoolId(id)
        .instancePoolName("fixed-node").nodeTypeId("m5d.large").build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("node type");
    assertThatThrownBy(() -> w.instancePools().create(CreateInstancePool.builder().instancePoolName("no-node").build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("node_type_id");
    assertThatThrownBy(() -> w.instancePools().delete("1125-000000-pool-missing")).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.instancePools().edit(EditInstancePool.builder().instancePoolId("1125-000000-pool-missing")
        .instancePoolName("x").nodeTypeId("i3.xlarge").build())).isInstanceOf(ResourceDoesNotExist.class);
  }
}
