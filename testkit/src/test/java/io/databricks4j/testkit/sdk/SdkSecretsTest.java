package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.BadRequest;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.NotImplemented;
import io.databricks4j.error.ResourceAlreadyExists;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.workspace.AclItem;
import io.databricks4j.service.workspace.AclPermission;
import io.databricks4j.service.workspace.CreateScope;
import io.databricks4j.service.workspace.DeleteAcl;
import io.databricks4j.service.workspace.DeleteSecret;
import io.databricks4j.service.workspace.PutAcl;
import io.databricks4j.service.workspace.PutSecret;
import io.databricks4j.service.workspace.ScopeBackendType;
import io.databricks4j.service.workspace.SecretMetadata;
import io.databricks4j.service.workspace.SecretScope;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Secret scopes, secrets and scope ACLs through the SecretsApi (dbutils.secrets is covered in examples). */
class SdkSecretsTest {
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

  private static void scope(String name) {
    w.secrets().createScope(CreateScope.builder().scope(name).build());
  }

  private static String text(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  @Test
  void scopesAndSecretsAreCreatedReadListedOverwrittenAndDeleted() {
    List<String> scopes = IntStream.range(0, 5).mapToObj(i -> "scope-" + i).toList();
    scopes.forEach(SdkSecretsTest::scope);
    assertThat(w.secrets().listScopes().stream().map(SecretScope::name).filter(n -> n.startsWith("scope-")).toList())
        .containsExactlyElementsOf(scopes);
    assertThat(w.secrets().listScopes().stream().filter(s -> s.name().equals("scope-0")).findFirst().orElseThrow()
        .backendType()).isEqualTo(ScopeBackendType.DATABRICKS);

    List<String> keys = IntStream.range(0, 5).mapToObj(i -> "key-" + i).toList();
    keys.forEach(k -> w.secrets().putSecret(PutSecret.builder().scope("scope-0").key(k).stringValue("v-" + k).build()));
    byte[] binary = {0, 1, 2, (byte) 0xff};
    w.secrets().putSecret(PutSecret.builder().scope("scope-0").key("binary")
        .bytesValue(Base64.getEncoder().encodeToString(binary)).build());
    assertThat(text(w.secrets().getSecret("scope-0", "key-3").value())).isEqualTo("v-key-3");
    assertThat(Base64.getDecoder().decode(w.secrets().getSecret("scope-0", "binary").value())).isEqualTo(binary);
    List<SecretMetadata> listed = w.secrets().listSecrets("scope-0").stream().toList();
    assertThat(listed).extracting(SecretMetadata::key).containsExactlyInAnyOrder("key-0", "key-1", "key-2", "key-3",
        "key-4", "binary");
    assertThat(listed).allSatisfy(m -> assertThat(m.lastUpdatedTimestamp()).isPositive());

    w.secrets().putSecret(PutSecret.builder().scope("scope-0").key("key-0").stringValue("overwritten").build());
    assertThat(text(w.secrets().getSecret("scope-0", "key-0").value())).isEqualTo("overwritten");

    w.secrets().deleteSecret(DeleteSecret.builder().scope("scope-0").key("key-1").build());
    assertThatThrownBy(() -> w.secrets().getSecret("scope-0", "key-1")).isInstanceOf(ResourceDoesNotExist.class);
    w.secrets().deleteScope("scope-0");
    assertThatThrownBy(() -> w.secrets().listSecrets("scope-0").stream().toList())
        .isInstanceOf(ResourceDoesNotExist.class);
    assertThat(w.secrets().listScopes().stream().map(SecretScope::name)).doesNotContain("scope-0");
  }

  @Test
  void scopeAclsArePutReadListedAndDeleted() {
    scope("acl-scope");
    assertThat(w.secrets().getAcl("acl-scope", LocalWorkspace.DEFAULT_USER).permission())
        .as("the creator manages the scope").isEqualTo(AclPermission.MANAGE);
    List<String> principals = IntStream.range(0, 4).mapToObj(i -> "reader-" + i + "@example.com").toList();
    principals.forEach(p -> w.secrets().putAcl(PutAcl.builder().scope("acl-scope").principal(p)
        .permission(AclPermission.READ).build()));
    w.secrets().putAcl(PutAcl.builder().scope("acl-scope").principal("reader-0@example.com")
        .permission(AclPermission.WRITE).build());
    assertThat(w.secrets().getAcl("acl-scope", "reader-0@example.com").permission()).isEqualTo(AclPermission.WRITE);
    assertThat(w.secrets().listAcls("acl-scope").stream().map(AclItem::principal).toList())
        .containsAll(principals).contains(LocalWorkspace.DEFAULT_USER).doesNotHaveDuplicates();

    w.secrets().deleteAcl(DeleteAcl.builder().scope("acl-scope").principal("reader-3@example.com").build());
    assertThatThrownBy(() -> w.secrets().getAcl("acl-scope", "reader-3@example.com"))
        .isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.secrets().deleteAcl(DeleteAcl.builder().scope("acl-scope")
        .principal("reader-3@example.com").build())).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.secrets().listAcls("no-such-scope").stream().toList())
        .isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void secretErrorsAreTyped() {
    scope("errors");
    assertThatThrownBy(() -> scope("errors")).isInstanceOf(ResourceAlreadyExists.class).hasMessageContaining("errors");
    assertThatThrownBy(() -> scope("bad name!")).isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(() -> w.secrets().createScope(CreateScope.builder().build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("scope");
    assertThatThrownBy(() -> w.secrets().createScope(CreateScope.builder().scope("vault")
        .scopeBackendType(ScopeBackendType.AZURE_KEYVAULT).build())).isInstanceOf(NotImplemented.class);
    assertThatThrownBy(() -> w.secrets().putSecret(PutSecret.builder().scope("errors").key("k").build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("string_value");
    assertThatThrownBy(() -> w.secrets().putSecret(PutSecret.builder().scope("errors").key("k").stringValue("a")
        .bytesValue("YQ==").build())).isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(() -> w.secrets().putSecret(PutSecret.builder().scope("errors").key("k").stringValue("x".repeat(
        128 * 1024 + 1)).build())).isInstanceOfSatisfying(BadRequest.class,
            e -> assertThat(e.errorCode()).isEqualTo("MAX_SECRET_SIZE_EXCEEDED"));
    assertThatThrownBy(() -> w.secrets().putSecret(PutSecret.builder().scope("missing").key("k").stringValue("v")
        .build())).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.secrets().deleteSecret(DeleteSecret.builder().scope("errors").key("never").build()))
        .isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.secrets().deleteScope("missing")).isInstanceOf(ResourceDoesNotExist.class);
  }
}
