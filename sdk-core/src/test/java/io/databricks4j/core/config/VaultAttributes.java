package io.databricks4j.core.config;

import io.databricks4j.auth.AttributeProvider;
import io.databricks4j.auth.AttributeSpec;
import io.databricks4j.auth.AttributeSpec.Kind;
import java.util.List;

/**
 * The attributes of an imaginary Vault plug-in, registered for every sdk-core test through
 * {@code META-INF/services}: the declared attributes are resolved by the real ServiceLoader path.
 */
public final class VaultAttributes implements AttributeProvider {
  @Override
  public List<AttributeSpec> attributes() {
    return List.of(
        AttributeSpec.builder("vault_path").authGroup("vault").description("the secret's path in Vault").build(),
        AttributeSpec.builder("vault_role").authGroup("vault").envVars("DATABRICKS_VAULT_ROLE", "VAULT_ROLE")
            .description("the Vault role to log in with").build(),
        AttributeSpec.builder("vault_token").authGroup("vault").sensitive(true).description("a Vault token").build(),
        AttributeSpec.builder("vault_namespace").profileKey("vault_ns").description("the Vault namespace").build(),
        AttributeSpec.builder("vault_ttl_seconds").kind(Kind.INT).description("how long a token lives").build());
  }
}
