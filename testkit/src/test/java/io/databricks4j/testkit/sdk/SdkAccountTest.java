package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.account.AccountClient;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.ResourceAlreadyExists;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.iam.ComplexValue;
import io.databricks4j.service.iam.Group;
import io.databricks4j.service.iam.ListAccountGroupsRequest;
import io.databricks4j.service.iam.ListAccountServicePrincipalsRequest;
import io.databricks4j.service.iam.ListAccountUsersRequest;
import io.databricks4j.service.iam.MeRequest;
import io.databricks4j.service.iam.PartialUpdate;
import io.databricks4j.service.iam.Patch;
import io.databricks4j.service.iam.PatchOp;
import io.databricks4j.service.iam.PatchSchema;
import io.databricks4j.service.iam.ServicePrincipal;
import io.databricks4j.service.iam.User;
import io.databricks4j.service.oauth2.CreateServicePrincipalSecretRequest;
import io.databricks4j.service.oauth2.CreateServicePrincipalSecretResponse;
import io.databricks4j.service.oauth2.ListServicePrincipalSecretsRequest;
import io.databricks4j.service.oauth2.SecretInfo;
import io.databricks4j.service.provisioning.CreateWorkspaceRequest;
import io.databricks4j.service.provisioning.PricingTier;
import io.databricks4j.service.provisioning.UpdateWorkspaceRequest;
import io.databricks4j.service.provisioning.Workspace;
import io.databricks4j.service.provisioning.WorkspaceStatus;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import io.databricks4j.wait.WaitFailedException;
import io.databricks4j.wait.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account through the SDK: SCIM users, groups and service principals, workspaces with their
 * waiters, and OAuth secrets of service principals (at the account and through the workspace
 * proxy) that then authenticate.
 */
class SdkAccountTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension
  static final LocalWorkspaceExtension LOCAL = new LocalWorkspaceExtension(LocalWorkspace.builder().pageSize(2)
      .clusterStartDelay(Duration.ofMillis(300)));
  private static LocalWorkspace ws;
  private static AccountClient a;
  private static WorkspaceClient w;

  @BeforeAll
  static void clients(LocalWorkspace workspace) {
    ws = workspace;
    a = ws.accountClient();
    w = ws.client();
  }

  @AfterAll
  static void close() {
    a.close();
    w.close();
    assertThat(ws.internalErrors()).isZero();
  }

  private static PartialUpdate patch(String id, PatchOp op, String path, Object value) {
    return PartialUpdate.builder().id(id).schemas(List.of(PatchSchema.URN_IETF_PARAMS_SCIM_API_MESSAGES_2_0_PATCH_OP))
        .operations(List.of(Patch.builder().op(op).path(path).value(value).build())).build();
  }

  private static WorkspaceClient m2m(String clientId, String secret) {
    return new WorkspaceClient(ws.configBuilder().token(null).authType("oauth-m2m").clientId(clientId)
        .clientSecret(secret).build());
  }

  @Test
  void accountUsersAreReadPatchedReplacedAndDeletedApartFromTheWorkspacesOwn() {
    List<String> ids = IntStream.range(0, 5).mapToObj(i -> a.users().create(User.builder()
        .userName("acct" + i + "@example.com").build()).id()).toList();
    assertThat(a.users().get(ids.get(2)).userName()).isEqualTo("acct2@example.com");
    assertThat(a.users().list(ListAccountUsersRequest.builder().filter("userName sw \"acct\"").build()).stream()
        .map(User::id).toList()).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
    assertThat(a.users().listPage(ListAccountUsersRequest.builder().startIndex(1L).build()).resources()).hasSize(2);

    a.users().patch(patch(ids.get(0), PatchOp.REPLACE, "displayName", "Account Zero"));
    assertThat(a.users().get(ids.get(0)).displayName()).isEqualTo("Account Zero");
    a.users().update(User.builder().id(ids.get(0)).userName("acct0@example.com").active(false).build());
    assertThat(a.users().get(ids.get(0)).active()).isFalse();

    assertThatThrownBy(() -> w.users().get(ids.get(1))).as("the account directory is not the workspace's")
        .isInstanceOf(ResourceDoesNotExist.class);
    a.users().delete(ids.get(4));
    assertThatThrownBy(() -> a.users().get(ids.get(4))).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> a.users().create(User.builder().userName("acct1@example.com").build()))
        .isInstanceOf(ResourceAlreadyExists.class);
    assertThatThrownBy(() -> a.users().create(User.builder().displayName("no user name").build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("userName");
  }

  @Test
  void accountGroupsAndServicePrincipalsArePagedAndGrouped() {
    List<String> groups = IntStream.range(0, 5).mapToObj(i -> a.groups().create(Group.builder()
        .displayName("acct-group-" + i).build()).id()).toList();
    List<String> sps = IntStream.range(0, 5).mapToObj(i -> a.servicePrincipals().create(ServicePrincipal.builder()
        .displayName("acct-sp-" + i).build()).id()).toList();
    assertThat(a.groups().list(ListAccountGroupsRequest.builder().filter("displayName sw \"acct-group-\"").build())
        .stream().map(Group::id).toList()).containsExactlyInAnyOrderElementsOf(groups).doesNotHaveDuplicates();
    assertThat(a.servicePrincipals().list(ListAccountServicePrincipalsRequest.builder().build()).stream()
        .map(ServicePrincipal::id).toList()).containsExactlyInAnyOrderElementsOf(sps).doesNotHaveDuplicates();

    a.groups().patch(patch(groups.get(0), PatchOp.ADD, "members", List.of(Map.of("value", sps.get(0)))));
    assertThat(a.servicePrincipals().get(sps.get(0)).groups()).extracting(ComplexValue::display)
        .containsExactly("acct-group-0");
    a.servicePrincipals().update(ServicePrincipal.builder().id(sps.get(1)).displayName("renamed").build());
    assertThat(a.servicePrincipals().get(sps.get(1)).displayName()).isEqualTo("renamed");
    a.groups().update(Group.builder().id(groups.get(1)).displayName("acct-group-1-renamed").build());
    assertThat(a.groups().get(groups.get(1)).displayName()).isEqualTo("acct-group-1-renamed");

    a.groups().delete(groups.get(0));
    assertThat(a.servicePrincipals().get(sps.get(0)).groups()).isNullOrEmpty();
    a.servicePrincipals().delete(sps.get(4));
    assertThatThrownBy(() -> a.servicePrincipals().get(sps.get(4))).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> a.groups().create(Group.builder().displayName("acct-group-2").build()))
        .isInstanceOf(ResourceAlreadyExists.class);
  }

  @Test
  void workspacesAreReadUpdatedByMaskAndDeleted() {
    Workspace created = a.workspaces().createAndWait(CreateWorkspaceRequest.builder().workspaceName("acct-ws")
        .awsRegion("us-west-2").build(), WAIT);
    long id = created.workspaceId();
    Workspace read = a.workspaces().get(id);
    assertThat(read.workspaceStatus()).isEqualTo(WorkspaceStatus.RUNNING);
    assertThat(read.accountId()).isEqualTo(ws.accountId());
    assertThat(read.deploymentName()).isEqualTo("acct-ws");
    assertThat(read.pricingTier()).isEqualTo(PricingTier.ENTERPRISE);

    Workspace updated = a.workspaces().updateAndWait(UpdateWorkspaceRequest.builder().workspaceId(id)
        .updateMask("custom_tags").customerFacingWorkspace(Workspace.builder().customTags(Map.of("env", "test"))
            .workspaceName("ignored: not in the mask").build()).build(), WAIT);
    assertThat(updated.customTags()).containsEntry("env", "test");
    assertThat(updated.workspaceName()).isEqualTo("acct-ws");
    assertThat(a.workspaces().list()).extracting(Workspace::workspaceId).contains(id);

    a.workspaces().delete(id);
    assertThatThrownBy(() -> a.workspaces().get(id)).isInstanceOf(ResourceDoesNotExist.class);
    assertThat(a.workspaces().list()).extracting(Workspace::workspaceId).doesNotContain(id);
    assertThatThrownBy(() -> a.workspaces().delete(id)).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void workspaceWaitersFailAndTimeOutWithTheLastState() {
    assertThatThrownBy(() -> a.workspaces().createAndWait(CreateWorkspaceRequest.builder()
        .workspaceName("will-fail").awsRegion("us-west-2").build(), WAIT))
        .isInstanceOfSatisfying(WaitFailedException.class, e -> assertThat(e.state()).isEqualTo("FAILED"))
        .hasMessageContaining("fails workspaces whose name contains 'fail'");
    var slow = a.workspaces().create(CreateWorkspaceRequest.builder().workspaceName("slow").awsRegion("us-west-2")
        .build());
    assertThat(slow.response().workspaceStatus()).isEqualTo(WorkspaceStatus.PROVISIONING);
    assertThatThrownBy(() -> slow.get(Duration.ofMillis(50)))
        .isInstanceOfSatisfying(WaitTimeoutException.class, e -> assertThat(e.lastState()).contains("PROVISIONING"));
    assertThatThrownBy(() -> a.workspaces().create(CreateWorkspaceRequest.builder().workspaceName("SLOW")
        .awsRegion("us-west-2").build())).isInstanceOf(ResourceAlreadyExists.class);
    assertThatThrownBy(() -> a.workspaces().create(CreateWorkspaceRequest.builder().awsRegion("us-west-2").build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("workspace_name");
  }

  @Test
  void anAccountSecretOfAServicePrincipalAuthenticatesUntilDeleted() {
    ServicePrincipal sp = a.servicePrincipals().create(ServicePrincipal.builder().displayName("oauth-sp").build());
    CreateServicePrincipalSecretResponse secret = a.servicePrincipalSecrets().create(CreateServicePrincipalSecretRequest
        .builder().servicePrincipalId(sp.id()).lifetime("3600s").build());
    assertThat(secret.secret()).startsWith("dose");
    assertThat(secret.status()).isEqualTo("ACTIVE");
    assertThat(Duration.between(Instant.parse(secret.createTime()), Instant.parse(secret.expireTime())))
        .isEqualTo(Duration.ofHours(1));
    try (WorkspaceClient asSp = m2m(sp.applicationId(), secret.secret())) {
      assertThat(asSp.currentUser().me(MeRequest.builder().build())).isNotNull();
    }
    a.servicePrincipalSecrets().delete(sp.id(), secret.id());
    try (WorkspaceClient revoked = m2m(sp.applicationId(), secret.secret())) {
      assertThatThrownBy(() -> revoked.currentUser().me(MeRequest.builder().build()))
          .isInstanceOf(DatabricksException.class);
    }
    assertThatThrownBy(() -> a.servicePrincipalSecrets().delete(sp.id(), secret.id()))
        .isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> a.servicePrincipalSecrets().create("123")).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> a.servicePrincipalSecrets().create(CreateServicePrincipalSecretRequest.builder()
        .servicePrincipalId(sp.id()).lifetime("forever").build())).isInstanceOf(InvalidParameterValue.class);
  }

  @Test
  void workspaceProxySecretsAuthenticateAreListedAndDeleted() {
    ServicePrincipal sp = w.servicePrincipals().create(ServicePrincipal.builder().displayName("proxy-sp").build());
    CreateServicePrincipalSecretResponse secret = w.servicePrincipalSecretsProxy().create(sp.id());
    String id = secret.id();
    try (WorkspaceClient asSp = m2m(sp.applicationId(), secret.secret())) {
      assertThat(asSp.currentUser().me(MeRequest.builder().build())).isNotNull();
    }
    assertThat(w.servicePrincipalSecretsProxy().list(sp.id()).stream().map(SecretInfo::id)).containsExactly(id);
    w.servicePrincipalSecretsProxy().delete(sp.id(), id);
    assertThat(w.servicePrincipalSecretsProxy().list(sp.id()).stream()).isEmpty();
    assertThatThrownBy(() -> w.servicePrincipalSecretsProxy().delete(sp.id(), id))
        .isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void secretsAreListedOverThreePages() {
    ServicePrincipal sp = a.servicePrincipals().create(ServicePrincipal.builder().displayName("many-secrets").build());
    List<String> ids = IntStream.range(0, 5).mapToObj(i -> a.servicePrincipalSecrets().create(sp.id()).id()).toList();
    assertThat(a.servicePrincipalSecrets().list(ListServicePrincipalSecretsRequest.builder().servicePrincipalId(sp.id())
        .build()).stream().map(SecretInfo::id).toList()).containsExactlyInAnyOrderElementsOf(ids);
  }
}
