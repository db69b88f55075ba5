package io.databricks4j.mixin.dbutils;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.service.workspace.GetSecretResponse;
import io.databricks4j.service.workspace.SecretMetadata;
import io.databricks4j.service.workspace.SecretScope;
import io.databricks4j.service.workspace.SecretsApi;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code dbutils.secrets} over the Secrets API.
 *
 * <pre>{@code
 * String password = w.dbutils().secrets().get("jdbc", "password");
 * }</pre>
 */
public final class SecretsUtils {
  private final SecretsApi secrets;

  SecretsUtils(SecretsApi secrets) {
    this.secrets = secrets;
  }

  /** The value of a secret as UTF-8 text. */
  public String get(String scope, String key) {
    return new String(getBytes(scope, key), StandardCharsets.UTF_8);
  }

  /**
   * The value of a secret.
   *
   * @throws io.databricks4j.error.NotFound when the scope or the key does not exist
   */
  public byte[] getBytes(String scope, String key) {
    GetSecretResponse r = secrets.getSecret(scope, key);
    if (r.value() == null) {
      throw new DatabricksException("the service returned no value for secret " + key + " of scope " + scope);
    }
    return Base64.getDecoder().decode(r.value());
  }

  /** The keys of a scope (values are never listed). */
  public List<SecretMetadata> list(String scope) {
    return secrets.listSecrets(scope).stream().toList();
  }

  /** Every scope. */
  public List<SecretScope> listScopes() {
    return secrets.listScopes().stream().toList();
  }

  @Override
  public String toString() {
    return "SecretsUtils";
  }
}
