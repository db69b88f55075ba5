package io.databricks4j.examples;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.mixin.dbutils.SecretsUtils;
import io.databricks4j.service.workspace.CreateScope;
import io.databricks4j.service.workspace.PutSecret;
import io.databricks4j.service.workspace.SecretMetadata;
import io.databricks4j.service.workspace.SecretScope;
import java.io.PrintStream;
import java.time.Instant;

/**
 * Lists every secret scope and the keys in it with {@code dbutils.secrets}, never the values; with
 * a scope and a key, says how long that secret's value is. Needs no cluster.
 *
 * <pre>
 * ListSecrets [scope key]    # without DATABRICKS_HOST, on a local workspace with a demo scope
 * </pre>
 */
public final class ListSecrets {
  private ListSecrets() {}

  public static void main(String[] args) {
    try (ExampleWorkspace ws = ExampleWorkspace.open()) {
      if (ws.isLocal()) {
        createDemoScope(ws.client());
      }
      run(ws.client(), System.out);
      if (args.length == 2) {
        int length = ws.client().dbutils().secrets().getBytes(args[0], args[1]).length;
        System.out.println(args[0] + "/" + args[1] + " is " + length + " bytes long");
      }
    }
  }

  /** Prints each scope and its keys; returns the number of keys. */
  public static int run(WorkspaceClient w, PrintStream out) {
    SecretsUtils secrets = w.dbutils().secrets();
    int keys = 0;
    for (SecretScope scope : secrets.listScopes()) {
      out.println(scope.name() + (scope.backendType() == null ? "" : " (" + scope.backendType() + ")"));
      for (SecretMetadata s : secrets.list(scope.name())) {
        out.println("  " + s.key() + (s.lastUpdatedTimestamp() == null ? ""
            : "  updated " + Instant.ofEpochMilli(s.lastUpdatedTimestamp())));
        keys++;
      }
    }
    return keys;
  }

  static void createDemoScope(WorkspaceClient w) {
    w.secrets().createScope(CreateScope.builder().scope("example-jdbc").build());
    w.secrets().putSecret(PutSecret.builder().scope("example-jdbc").key("username").stringValue("etl").build());
    w.secrets().putSecret(PutSecret.builder().scope("example-jdbc").key("password").stringValue("s3cr3t").build());
  }
}
