package io.databricks4j.auth.azure.internal;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.error.ErrorResponse;
import io.databricks4j.error.NotFound;
import io.databricks4j.error.PermissionDenied;
import io.databricks4j.error.Unauthenticated;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two things learnt about an Azure workspace over HTTP: its URL (from ARM) and its tenant. Both
 * requests go through the sender of {@link AzureHttp#discovery}, so that an unreachable endpoint fails
 * in under 3 s rather than holding up the first call.
 */
public final class AzureWorkspaceLookup {
  static final String ARM_API_VERSION = "2018-04-01";
  private static final System.Logger LOG = System.getLogger(AzureWorkspaceLookup.class.getName());
  /** Tenants found, by host; a failure or a host that gives none away is asked again next time. */
  private static final Map<String, String> TENANTS = new ConcurrentHashMap<>();

  private AzureWorkspaceLookup() {}

  /**
   * The workspace URL of {@code azure_workspace_resource_id}, read from Azure Resource Manager,
   * when no host is set; empty when a host is set or there is no resource id.
   */
  public static Optional<String> resolveHost(ConfigView config) {
    Optional<String> resourceId = AzureCredentials.resourceId(config);
    if (config.host().isPresent() || resourceId.isEmpty()) {
      return Optional.empty();
    }
    HttpSender sender = AzureHttp.discovery(config);
    AzureEndpoints env = AzureEndpoints.of(config);
    AzureCredentials.Named credential = AzureCredentials.forResourceManager(config, sender);
    String armToken = credential.token(env.resourceManagerScope()).accessToken();
    String url = env.resourceManagerEndpoint() + resourceId.get() + "?api-version=" + ARM_API_VERSION;
    HttpRequest request = HttpRequest.builder("GET", url)
        .header("Authorization", "Bearer " + armToken)
        .header("Accept", "application/json").build();
    String what = credential.strategy() + ": cannot look up the workspace URL of azure_workspace_resource_id="
        + resourceId.get();
    HttpResponse response = send(sender, request, what, "set host to the workspace URL to skip this look-up");
    String body = response.bodyAsString();
    if (response.status() / 100 != 2) {
      DatabricksError error = armError(response.status(), body, resourceId.get());
      throw new CredentialsException(what + ": Azure Resource Manager answered HTTP " + response.status() + ": "
          + error.serviceMessage() + ". Check the resource id and that the identity may read the workspace", error);
    }
    String workspaceUrl = workspaceUrl(body).orElseThrow(() -> new CredentialsException(what
        + ": the answer of Azure Resource Manager has no properties.workspaceUrl"));
    String host = workspaceUrl.contains("://") ? workspaceUrl : "https://" + workspaceUrl;
    LOG.log(Level.DEBUG, "resolved azure_workspace_resource_id={0} to host {1}", resourceId.get(), host);
    return Optional.of(host);
  }

  /**
   * The tenant of an Azure workspace: {@code azure_tenant_id} when set, else the first path segment
   * of the login redirect that {@code GET <host>/aad/auth} answers (remembered per host once found).
   * Empty when the host is not an Azure workspace or does not redirect; a failure to reach the host
   * is thrown, naming the endpoint and {@code azure_tenant_id}.
   */
  public static Optional<String> discoverTenant(ConfigView config) {
    Optional<String> configured = config.attribute("azure_tenant_id");
    if (configured.isPresent()) {
      return configured;
    }
    Optional<String> host = config.host();
    if (host.isEmpty() || config.cloud() != io.databricks4j.auth.Cloud.AZURE) {
      return Optional.empty();
    }
    String known = TENANTS.get(host.get());
    if (known != null) {
      return Optional.of(known);
    }
    String url = host.get() + "/aad/auth";
    HttpResponse response = send(AzureHttp.discovery(config), HttpRequest.builder("GET", url).build(),
        "cannot discover azure_tenant_id", "set azure_tenant_id to skip this request");
    response.close();
    String location = response.header("Location").orElse(null);
    Optional<String> tenant = response.status() / 100 == 3 ? tenantOf(location) : Optional.empty();
    if (tenant.isEmpty()) {
      LOG.log(Level.DEBUG, "GET {0} answered HTTP {1} with Location {2}: no tenant found", url, response.status(),
          location);
    } else {
      TENANTS.put(host.get(), tenant.get());
    }
    return tenant;
  }

  /** Forgets the tenants found so far (for tests). */
  public static void forgetTenants() {
    TENANTS.clear();
  }

  static Optional<String> tenantOf(String location) {
    if (location == null || location.isBlank()) {
      return Optional.empty();
    }
    try {
      String path = URI.create(location.trim()).getPath();
      return path == null ? Optional.empty()
          : Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).findFirst();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static HttpResponse send(HttpSender sender, HttpRequest request, String what, String avoid) {
    try {
      return sender.send(request);
    } catch (DatabricksException e) {
      throw new CredentialsException(what + ": could not reach " + request.origin().orElse("") + request.path()
          + " (" + e.getMessage() + "); " + avoid, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Optional<String> workspaceUrl(String body) {
    Object properties = parse(body).get("properties");
    if (properties instanceof Map) {
      Object url = ((Map<String, Object>) properties).get("workspaceUrl");
      if (url instanceof String && !((String) url).isBlank()) {
        return Optional.of((String) url);
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static DatabricksError armError(int status, String body, String resourceId) {
    String message = "";
    Object error = parse(body).get("error");
    if (error instanceof Map && ((Map<String, Object>) error).get("message") instanceof String) {
      message = (String) ((Map<String, Object>) error).get("message");
    }
    String code = error instanceof Map && ((Map<String, Object>) error).get("code") instanceof String
        ? (String) ((Map<String, Object>) error).get("code") : "";
    ErrorResponse response = ErrorResponse.builder().statusCode(status).errorCode(code)
        .message(message.isEmpty() ? "HTTP " + status : message).method("GET").path(resourceId).build();
    switch (status) {
      case 401:
        return new Unauthenticated(response);
      case 403:
        return new PermissionDenied(response);
      case 404:
        return new NotFound(response);
      default:
        return new DatabricksError(response);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String body) {
    if (body == null || body.isBlank()) {
      return Map.of();
    }
    try (JsonReader reader = JsonProviders.createReader(body)) {
      Object value = reader.readUntyped();
      return value instanceof Map ? (Map<String, Object>) value : Map.of();
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }
}
