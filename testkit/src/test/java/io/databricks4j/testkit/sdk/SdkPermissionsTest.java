package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.mixin.workspace.ImportOptions;
import io.databricks4j.service.compute.ClusterPolicyAccessControlRequest;
import io.databricks4j.service.compute.ClusterPolicyPermissionLevel;
import io.databricks4j.service.compute.ClusterPolicyPermissionsRequest;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.compute.CreateInstancePool;
import io.databricks4j.service.compute.CreatePolicy;
import io.databricks4j.service.compute.InstancePoolAccessControlRequest;
import io.databricks4j.service.compute.InstancePoolPermissionLevel;
import io.databricks4j.service.compute.InstancePoolPermissionsRequest;
import io.databricks4j.service.iam.AccessControlRequest;
import io.databricks4j.service.iam.AccessControlResponse;
import io.databricks4j.service.iam.ObjectPermissions;
import io.databricks4j.service.iam.PasswordAccessControlRequest;
import io.databricks4j.service.iam.PasswordPermissionLevel;
import io.databricks4j.service.iam.PasswordPermissionsRequest;
import io.databricks4j.service.iam.Permission;
import io.databricks4j.service.iam.PermissionLevel;
import io.databricks4j.service.iam.PermissionsDescription;
import io.databricks4j.service.iam.SetObjectPermissions;
import io.databricks4j.service.iam.UpdateObjectPermissions;
import io.databricks4j.service.jobs.CreateJob;
import io.databricks4j.service.jobs.JobAccessControlRequest;
import io.databricks4j.service.jobs.JobAccessControlResponse;
import io.databricks4j.service.jobs.JobPermission;
import io.databricks4j.service.jobs.JobPermissionLevel;
import io.databricks4j.service.jobs.JobPermissionsRequest;
import io.databricks4j.service.settings.TokenAccessControlRequest;
import io.databricks4j.service.settings.TokenPermissionLevel;
import io.databricks4j.service.settings.TokenPermissionsRequest;
import io.databricks4j.service.sql.CreateWarehouseRequest;
import io.databricks4j.service.sql.WarehouseAccessControlRequest;
import io.databricks4j.service.sql.WarehousePermissionLevel;
import io.databricks4j.service.sql.WarehousePermissionsRequest;
import io.databricks4j.service.workspace.CreateRepoRequest;
import io.databricks4j.service.workspace.RepoAccessControlRequest;
import io.databricks4j.service.workspace.RepoPermissionLevel;
import io.databricks4j.service.workspace.RepoPermissionsRequest;
import io.databricks4j.service.workspace.WorkspaceObjectAccessControlRequest;
import io.databricks4j.service.workspace.WorkspaceObjectPermissionLevel;
import io.databricks4j.service.workspace.WorkspaceObjectPermissionsRequest;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Object permissions through the generic Permissions API and each service's own permission calls. */
class SdkPermissionsTest {
  private static final String ALICE = "alice@example.com";
  private static final String BOB = "bob@example.com";

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

  private static String cluster() {
    return w.clusters().create(CreateCluster.builder().clusterName("acl").sparkVersion("15.4.x-scala2.12").build())
        .response().clusterId();
  }

  /** Each principal's direct (not inherited) level. */
  private static Map<String, PermissionLevel> direct(ObjectPermissions p) {
    return p.accessControlList().stream().filter(a -> a.allPermissions().stream().noneMatch(Permission::inherited))
        .collect(Collectors.toMap(SdkPermissionsTest::principal, a -> a.allPermissions().get(0).permissionLevel()));
  }

  private static String principal(AccessControlResponse a) {
    return a.userName() != null ? a.userName() : a.groupName() != null ? a.groupName() : a.servicePrincipalName();
  }

  private static AccessControlRequest user(String name, PermissionLevel level) {
    return AccessControlRequest.builder().userName(name).permissionLevel(level).build();
  }

  @Test
  void theGenericApiReadsSetsAndUpdatesAClustersAcl() {
    String id = cluster();
    ObjectPermissions initial = w.permissions().get("clusters", id);
    assertThat(initial.objectId()).isEqualTo("/clusters/" + id);
    assertThat(initial.objectType()).isEqualTo("cluster");
    assertThat(direct(initial)).containsExactly(Map.entry(LocalWorkspace.DEFAULT_USER, PermissionLevel.CAN_MANAGE));
    assertThat(initial.accessControlList()).filteredOn(a -> "admins".equals(a.groupName())).singleElement()
        .satisfies(a -> assertThat(a.allPermissions().get(0).inherited()).isTrue());

    ObjectPermissions updated = w.permissions().update(UpdateObjectPermissions.builder().requestObjectType("clusters")
        .requestObjectId(id).accessControlList(List.of(user(ALICE, PermissionLevel.CAN_RESTART))).build());
    assertThat(direct(updated)).containsOnlyKeys(LocalWorkspace.DEFAULT_USER, ALICE);

    ObjectPermissions set = w.permissions().set(SetObjectPermissions.builder().requestObjectType("clusters")
        .requestObjectId(id).accessControlList(List.of(user(BOB, PermissionLevel.CAN_ATTACH_TO))).build());
    assertThat(direct(set)).as("set replaces the direct entries")
        .containsExactly(Map.entry(BOB, PermissionLevel.CAN_ATTACH_TO));
    assertThat(direct(w.permissions().get("clusters", id))).isEqualTo(direct(set));

    assertThat(w.permissions().getPermissionLevels("clusters", id).permissionLevels())
        .extracting(PermissionsDescription::permissionLevel)
        .containsExactly(PermissionLevel.CAN_ATTACH_TO, PermissionLevel.CAN_RESTART, PermissionLevel.CAN_MANAGE);
  }

  @Test
  void aJobKeepsItsOwnerWhenItsAclIsReplaced() {
    String id = String.valueOf(w.jobs().create(CreateJob.builder().name("acl").build()).jobId());
    var set = w.jobs().setPermissions(JobPermissionsRequest.builder().jobId(id).accessControlList(List.of(
        JobAccessControlRequest.builder().userName(ALICE).permissionLevel(JobPermissionLevel.CAN_MANAGE_RUN).build()))
        .build());
    assertThat(set.accessControlList()).filteredOn(a -> a.userName() != null)
        .extracting(a -> a.userName() + "=" + a.allPermissions().get(0).permissionLevel())
        .containsExactlyInAnyOrder(ALICE + "=CAN_MANAGE_RUN", LocalWorkspace.DEFAULT_USER + "=IS_OWNER");
    assertThat(w.jobs().getPermissions(id).accessControlList()).extracting(JobAccessControlResponse::userName)
        .contains(ALICE);
    assertThat(w.jobs().getPermissionLevels(id).permissionLevels()).hasSize(4);
  }

  @Test
  void eachServicesPermissionCallsReachItsObjects() {
    String warehouse = w.warehouses().create(CreateWarehouseRequest.builder().name("acl").clusterSize("Small").build())
        .response().id();
    var wh = w.warehouses().updatePermissions(WarehousePermissionsRequest.builder().warehouseId(warehouse)
        .accessControlList(List.of(WarehouseAccessControlRequest.builder().groupName("analysts")
            .permissionLevel(WarehousePermissionLevel.CAN_USE).build())).build());
    assertThat(wh.accessControlList()).anySatisfy(a -> assertThat(a.groupName()).isEqualTo("analysts"));

    String policy = w.clusterPolicies().create(CreatePolicy.builder().name("acl").build()).policyId();
    var cp = w.clusterPolicies().setPermissions(ClusterPolicyPermissionsRequest.builder().clusterPolicyId(policy)
        .accessControlList(List.of(ClusterPolicyAccessControlRequest.builder().userName(ALICE)
            .permissionLevel(ClusterPolicyPermissionLevel.CAN_USE).build())).build());
    assertThat(cp.accessControlList()).anySatisfy(a -> assertThat(a.userName()).isEqualTo(ALICE));

    String pool = w.instancePools().create(CreateInstancePool.builder().instancePoolName("acl").nodeTypeId("i3.xlarge")
        .build()).instancePoolId();
    var ip = w.instancePools().setPermissions(InstancePoolPermissionsRequest.builder().instancePoolId(pool)
        .accessControlList(List.of(InstancePoolAccessControlRequest.builder().servicePrincipalName("sp-app")
            .permissionLevel(InstancePoolPermissionLevel.CAN_ATTACH_TO).build())).build());
    assertThat(ip.accessControlList()).anySatisfy(a -> assertThat(a.servicePrincipalName()).isEqualTo("sp-app"));

    String repo = String.valueOf(w.repos().create(CreateRepoRequest.builder().url("https://github.com/example/acl.git")
        .path("/Repos/team/acl").build()).id());
    var rp = w.repos().setPermissions(RepoPermissionsRequest.builder().repoId(repo).accessControlList(List.of(
        RepoAccessControlRequest.builder().userName(BOB).permissionLevel(RepoPermissionLevel.CAN_EDIT).build())).build());
    assertThat(rp.accessControlList()).anySatisfy(a -> assertThat(a.userName()).isEqualTo(BOB));
    assertThat(w.repos().getPermissionLevels(repo).permissionLevels()).hasSize(4);

    var tokens = w.tokenManagement().setPermissions(TokenPermissionsRequest.builder().accessControlList(List.of(
        TokenAccessControlRequest.builder().groupName("users").permissionLevel(TokenPermissionLevel.CAN_USE).build()))
        .build());
    assertThat(tokens.objectId()).isEqualTo("/authorization/tokens");
    assertThat(w.tokenManagement().getPermissions().accessControlList())
        .anySatisfy(a -> assertThat(a.groupName()).isEqualTo("users"));

    var passwords = w.users().setPermissions(PasswordPermissionsRequest.builder().accessControlList(List.of(
        PasswordAccessControlRequest.builder().groupName("users").permissionLevel(PasswordPermissionLevel.CAN_USE)
            .build())).build());
    assertThat(passwords.accessControlList()).anySatisfy(a -> assertThat(a.groupName()).isEqualTo("users"));
  }

  @Test
  void permissionErrorsAreTyped() {
    String id = cluster();
    assertThatThrownBy(() -> w.permissions().get("clusters", "0000-000000-missing0"))
        .isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.jobs().getPermissions("424242")).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.permissions().set(SetObjectPermissions.builder().requestObjectType("clusters")
        .requestObjectId(id).accessControlList(List.of(user(ALICE, PermissionLevel.IS_OWNER))).build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("IS_OWNER");
    assertThatThrownBy(() -> w.permissions().set(SetObjectPermissions.builder().requestObjectType("clusters")
        .requestObjectId(id).accessControlList(List.of(AccessControlRequest.builder().userName(ALICE).groupName("g")
            .permissionLevel(PermissionLevel.CAN_RESTART).build())).build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("exactly one");
    assertThatThrownBy(() -> w.permissions().update(UpdateObjectPermissions.builder().requestObjectType("clusters")
        .requestObjectId(id).build())).isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("access_control_list");
    assertThatThrownBy(() -> w.permissions().get("pipelines", "p1")).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void notebookPermissionsGoByObjectId() {
    w.workspace().upload("/Users/" + LocalWorkspace.DEFAULT_USER + "/acl", "# Databricks notebook source\n1"
        .getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
    String id = String.valueOf(w.workspace().getStatus("/Users/" + LocalWorkspace.DEFAULT_USER + "/acl").objectId());
    var set = w.workspace().setPermissions(WorkspaceObjectPermissionsRequest.builder().workspaceObjectType("notebooks")
        .workspaceObjectId(id).accessControlList(List.of(WorkspaceObjectAccessControlRequest.builder().userName(ALICE)
            .permissionLevel(WorkspaceObjectPermissionLevel.CAN_RUN).build())).build());
    assertThat(set.accessControlList()).anySatisfy(a -> assertThat(a.userName()).isEqualTo(ALICE));
    assertThat(w.workspace().getPermissions("notebooks", id).objectType()).isEqualTo("notebook");
    assertThatThrownBy(() -> w.workspace().getPermissions("notebooks", "987654321"))
        .isInstanceOf(ResourceDoesNotExist.class);
  }
}
