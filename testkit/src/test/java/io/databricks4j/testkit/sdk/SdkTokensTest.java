package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.PermissionDenied;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.iam.MeRequest;
import io.databricks4j.service.iam.ServicePrincipal;
import io.databricks4j.service.settings.CreateOboTokenRequest;
import io.databricks4j.service.settings.CreateOboTokenResponse;
import io.databricks4j.service.settings.CreateTokenRequest;
import io.databricks4j.service.settings.CreateTokenResponse;
import io.databricks4j.service.settings.ListTokenManagementRequest;
import io.databricks4j.service.settings.PublicTokenInfo;
import io.databricks4j.service.settings.TokenInfo;
import io.databricks4j.service.settings.UpdateTokenManagementRequest;
import io.databricks4j.service.settings.UpdateTokenRequest;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Personal access tokens and their administration (token management) through the SDK. */
class SdkTokensTest {
  @RegisterExtension
  static final LocalWorkspaceExtension LOCAL = new LocalWorkspaceExtension(LocalWorkspace.builder().pageSize(2));
  private static LocalWorkspace ws;
  private static WorkspaceClient w;

  @BeforeAll
  static void client(LocalWorkspace workspace) {
    ws = workspace;
    w = ws.client();
  }

  @AfterAll
  static void close() {
    w.close();
    assertThat(ws.internalErrors()).isZero();
  }

  private static WorkspaceClient clientWith(String token) {
    return new WorkspaceClient(ws.configBuilder().token(token).build());
  }

  @Test
  void aNewTokenAuthenticatesUntilItIsDeleted() {
    CreateTokenResponse created = w.tokens().create(CreateTokenRequest.builder().comment("ci").lifetimeSeconds(3600L)
        .build());
    assertThat(created.tokenValue()).startsWith("dapi");
    assertThat(created.tokenInfo().comment()).isEqualTo("ci");
    assertThat(created.tokenInfo().expiryTime()).isGreaterThan(created.tokenInfo().creationTime());
    try (WorkspaceClient other = clientWith(created.tokenValue())) {
      assertThat(other.currentUser().me(MeRequest.builder().build()).userName()).isEqualTo(ws.userName());
      w.tokens().delete(created.tokenInfo().tokenId());
      assertThatThrownBy(() -> other.currentUser().me(MeRequest.builder().build()))
          .isInstanceOf(PermissionDenied.class);
    }
  }

  @Test
  void tokensAreListedAndTheirCommentUpdated() {
    List<String> ids = IntStream.range(0, 5).mapToObj(i -> w.tokens().create(CreateTokenRequest.builder()
        .comment("listed-" + i).build()).tokenInfo().tokenId()).toList();
    List<PublicTokenInfo> listed = w.tokens().list().stream().toList();
    assertThat(listed).extracting(PublicTokenInfo::tokenId).containsAll(ids).doesNotHaveDuplicates();
    assertThat(listed).filteredOn(t -> ids.contains(t.tokenId())).extracting(PublicTokenInfo::expiryTime)
        .as("no lifetime: never expires").containsOnly(-1L);

    w.tokens().update(UpdateTokenRequest.builder().tokenId(ids.get(0)).updateMask("comment")
        .token(PublicTokenInfo.builder().comment("renamed").build()).build());
    assertThat(w.tokens().list().stream().filter(t -> t.tokenId().equals(ids.get(0))).findFirst().orElseThrow()
        .comment()).isEqualTo("renamed");
  }

  @Test
  void adminsSeeGetUpdateAndRevokeEveryonesTokens() {
    String mine = w.tokens().create(CreateTokenRequest.builder().comment("admin-view").build()).tokenInfo().tokenId();
    ServicePrincipal sp = w.servicePrincipals().create(ServicePrincipal.builder().displayName("token-sp").build());
    CreateOboTokenResponse obo = w.tokenManagement().createOboToken(CreateOboTokenRequest.builder()
        .applicationId(sp.applicationId()).comment("on behalf").lifetimeSeconds(600L).build());
    assertThat(obo.tokenInfo().createdByUsername()).isEqualTo(sp.applicationId());

    List<TokenInfo> all = w.tokenManagement().list(ListTokenManagementRequest.builder().build()).stream().toList();
    assertThat(all).extracting(TokenInfo::tokenId).contains(mine, obo.tokenInfo().tokenId());
    assertThat(w.tokenManagement().list(ListTokenManagementRequest.builder().createdByUsername(sp.applicationId())
        .build()).stream().map(TokenInfo::tokenId)).containsExactly(obo.tokenInfo().tokenId());
    assertThat(w.tokens().list().stream().map(PublicTokenInfo::tokenId))
        .as("the user's own list holds only the user's tokens").doesNotContain(obo.tokenInfo().tokenId());

    TokenInfo read = w.tokenManagement().get(mine).tokenInfo();
    assertThat(read.createdByUsername()).isEqualTo(ws.userName());
    TokenInfo updated = w.tokenManagement().updateTokenManagement(UpdateTokenManagementRequest.builder()
        .tokenId(mine).updateMask("comment").token(TokenInfo.builder().comment("by admin").build()).build());
    assertThat(updated.comment()).isEqualTo("by admin");

    try (WorkspaceClient asSp = clientWith(obo.tokenValue())) {
      assertThat(asSp.currentUser().me(MeRequest.builder().build())).as("the token authenticates").isNotNull();
      w.tokenManagement().delete(obo.tokenInfo().tokenId());
      assertThatThrownBy(() -> asSp.currentUser().me(MeRequest.builder().build())).isInstanceOf(PermissionDenied.class);
    }
    assertThatThrownBy(() -> w.tokenManagement().get(obo.tokenInfo().tokenId()))
        .isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void meIsTheOwnerOfTheToken() {
    ServicePrincipal sp = w.servicePrincipals().create(ServicePrincipal.builder().displayName("me-sp").build());
    String token = w.tokenManagement().createOboToken(CreateOboTokenRequest.builder().applicationId(sp.applicationId())
        .build()).tokenValue();
    try (WorkspaceClient asSp = clientWith(token)) {
      assertThat(asSp.currentUser().me(MeRequest.builder().build()).userName()).isEqualTo(sp.applicationId());
    }
  }

  @Test
  void tokenErrorsAreTyped() {
    assertThatThrownBy(() -> w.tokens().delete("0".repeat(32))).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.tokenManagement().delete("0".repeat(32))).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.tokens().create(CreateTokenRequest.builder().lifetimeSeconds(-1L).build()))
        .isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(() -> w.tokenManagement().createOboToken(CreateOboTokenRequest.builder().comment("who?")
        .build())).isInstanceOf(InvalidParameterValue.class).hasMessageContaining("application_id");
  }
}
