package io.databricks4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.auth.Credentials;
import io.databricks4j.core.auth.CredentialsResolver;
import io.databricks4j.core.config.ConfigAttribute;
import io.databricks4j.core.config.ConfigSource;
import io.databricks4j.core.config.Environment;
import io.databricks4j.error.DatabricksException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code auth describe}: resolves configuration and credentials exactly as
 * {@code WorkspaceClient.create()} does and prints every attribute with its (redacted) value and
 * where it came from. No network call is made for pat and basic.
 *
 * <p>With {@code --json} it prints one object: {@code host}, {@code auth_type}, {@code account_id},
 * {@code is_account_client}, {@code cloud}, {@code scopes} (as OAuth would request them),
 * {@code debug_string} (the {@code Config: ... Env: ...} text of error messages) and
 * {@code attributes} (each with {@code value}, secrets as {@code ***}, and {@code source}; an
 * attribute a plug-in declares also has {@code declared_by}, its provider's class); on
 * failure also {@code error} and {@code failed_at} ({@code configuration} when the attributes
 * could not be resolved, {@code credentials} when no strategy applied), and the exit code is 1.
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
    description = "Show the resolved host, auth type and every attribute with its source.")
final class AuthDescribeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--profile", description = "Profile of the config file to use.")
  String profile;

  @Option(names = "--host", description = "Workspace or account host.")
  String host;

  @Option(names = "--auth-type", description = "Force an auth type (pat, basic, oauth-m2m, ...).")
  String authType;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  /**
   * Any other attribute, as a builder argument would set it (so it beats the environment and the
   * profile): what a program passes in code, without writing one. A secret given here is visible
   * to other users of the machine in the process list; prefer the environment or a profile.
   */
  @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
      description = "Set an attribute by its .databrickscfg key, as an explicit argument (repeatable), "
          + "for example --set config_file=~/other.cfg --set cluster_id=0123-abc.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** The environment seam; tests replace it. */
  static Environment environment = Environment.system();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    DatabricksConfig.Builder builder = DatabricksConfig.builder().environment(environment);
    DatabricksConfig config = null;
    String error = null;
    Credentials credentials = null;
    String failedAt = null;
    try {
      settings.forEach(builder::set);
      builder.profile(profile != null ? profile : settings.get("profile"))
          .host(host != null ? host : settings.get("host"))
          .authType(authType != null ? authType : settings.get("auth_type"));
      config = builder.build().resolve();
      credentials = CredentialsResolver.create().resolve(config);
    } catch (DatabricksException e) {
      error = e.getMessage();
      failedAt = config == null ? "configuration" : "credentials";
      if (config == null) {
        try {
          config = builder.build().resolveEnvironmentOnly();
        } catch (DatabricksException nothingResolves) {
          // the attributes themselves cannot be listed (two plug-ins declare one name, say)
          return printError(out, error);
        }
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    if (error != null) {
      result.put("error", error);
      result.put("failed_at", failedAt);
    }
    result.put("host", config.host().orElse(null));
    result.put("auth_type", credentials == null ? config.authType().orElse(null) : credentials.authType());
    result.put("account_id", config.accountId().orElse(null));
    result.put("is_account_client", config.isAccountClient());
    result.put("cloud", config.cloud().name());
    result.put("scopes", config.scopes());
    result.put("debug_string", config.debugString(false));
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Map.Entry<ConfigAttribute, ConfigSource> e : config.sources().entrySet()) {
      ConfigAttribute a = e.getKey();
      String value = a.sensitive() ? "***" : a == ConfigAttribute.HOST ? config.host().orElse(config.get(a).orElse("")) : config.get(a).orElse("");
      Map<String, String> described = new LinkedHashMap<>();
      described.put("value", value);
      described.put("source", e.getValue().toString());
      if (!a.builtIn()) {
        described.put("declared_by", a.declaredBy());
      }
      attributes.put(a.key(), described);
    }
    result.put("attributes", attributes);
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
    } else {
      if (error != null) {
        out.println("Error: " + error);
        out.println();
      }
      out.printf("Host:       %s%n", orNone(result.get("host")));
      out.printf("Auth type:  %s%n", orNone(result.get("auth_type")));
      out.printf("Account id: %s%n", orNone(result.get("account_id")));
      out.printf("Client:     %s (%s)%n", config.isAccountClient() ? "account" : "workspace", config.cloud());
      out.println("Attributes:");
      if (attributes.isEmpty()) {
        out.println("  (none)");
      }
      for (Map.Entry<ConfigAttribute, ConfigSource> e : config.sources().entrySet()) {
        @SuppressWarnings("unchecked")
        Map<String, String> v = (Map<String, String>) attributes.get(e.getKey().key());
        out.printf("  %-28s %-40s %s%n", e.getKey().key(), v.get("value"), v.get("source"));
      }
    }
    out.flush();
    return error == null ? 0 : 1;
  }

  /** Only the error: what the configuration is made of is not known. */
  private int printError(PrintWriter out, String error) throws Exception {
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("error", error);
      result.put("failed_at", "configuration");
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
    } else {
      out.println("Error: " + error);
    }
    out.flush();
    return 1;
  }

  private static Object orNone(Object o) {
    return o == null ? "(none)" : o;
  }
}
