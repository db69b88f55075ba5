package io.databricks4j.auth.azure.internal;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.ErrorResponse;
import io.databricks4j.error.NotFound;
import io.databricks4j.error.PermissionDenied;
import io.databricks4j.error.Unauthenticated;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The two things learnt about an Azure workspace over HTTP: its URL (from ARM) and its tenant. */
public final class AzureWorkspaceLookup {
  static final String ARM_API_VERSION = "2018-04-01";
  private static final System.Logger LOG = System.getLogger(AzureWorkspaceLookup.class.getName());

  private AzureWorkspaceLookup() {}

  /**
   * The workspace URL of {@code azure_workspace_resource_id}, read from Azure Resource Manager,
   * when no host is set; empty when a host is set or there is no resource id.
   */
  public static Optional<String> resolveHost(ConfigView config, AzureTransport transport) {
    Optional<String> resourceId = AzureCredentials.resourceId(config);
    if (config.host().isPresent() || resourceId.isEmpty()) {
      return Optional.empty();
    }
    AzureEndpoints env = AzureEndpoints.of(config);
    AzureCredentials.Named credential = AzureCredentials.forResourceManager(config, transport);
    String armToken = new AzureTokenSource(credential.strategy(), credential.credential(),
        env.resourceManagerScope()).token().accessToken();
    String url = env.resourceManagerEndpoint() + resourceId.get() + "?api-version=" + ARM_API_VERSION;
    HttpRequest request = new HttpRequest(HttpMethod.GET, url)
        .setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + armToken)
        .setHeader(HttpHeaderName.ACCEPT, "application/json");
    String what = "cannot look up the workspace URL of azure_workspace_resource_id=" + resourceId.get();
    try (HttpResponse response = send(transport.pipeline(config), request, what)) {
      String body = response.getBodyAsBinaryData().toString();
      if (response.getStatusCode() / 100 != 2) {
        DatabricksError error = armError(response.getStatusCode(), body, resourceId.get());
        throw new CredentialsException(credential.strategy() + ": " + what + ": Azure Resource Manager answered HTTP "
            + response.getStatusCode() + ": " + error.serviceMessage()
            + ". Check the resource id and that the identity may read the workspace", error);
      }
      String workspaceUrl = workspaceUrl(body)
          .orElseThrow(() -> new CredentialsException(credential.strategy() + ": " + what
              + ": the answer of Azure Resource Manager has no properties.workspaceUrl"));
      String host = workspaceUrl.contains("://") ? workspaceUrl : "https://" + workspaceUrl;
      LOG.log(Level.DEBUG, "resolved azure_workspace_resource_id={0} to host {1}", resourceId.get(), host);
      return Optional.of(host);
    }
  }

  /**
   * The tenant of an Azure workspace: {@code azure_tenant_id} when set, else the first path segment
   * of the login redirect that {@code GET <host>/aad/auth} answers. Empty when the host is not an
   * Azure workspace or does not redirect; a failure to reach the host is thrown.
   */
  public static Optional<String> discoverTenant(ConfigView config, AzureTransport transport) {
    Optional<String> configured = config.attribute("azure_tenant_id");
    if (configured.isPresent()) {
      return configured;
    }
    Optional<String> host = config.host();
    if (host.isEmpty() || config.cloud() != io.databricks4j.auth.Cloud.AZURE) {
      return Optional.empty();
    }
    String url = host.get() + "/aad/auth";
    HttpRequest request = new HttpRequest(HttpMethod.GET, url);
    try (HttpResponse response = send(transport.pipeline(config), request,
        "cannot discover azure_tenant_id from " + url)) {
      String location = response.getHeaderValue(HttpHeaderName.LOCATION);
      Optional<String> tenant = response.getStatusCode() / 100 == 3 ? tenantOf(location) : Optional.empty();
      if (tenant.isEmpty()) {
        LOG.log(Level.DEBUG, "GET {0} answered HTTP {1} with Location {2}: no tenant found",
            url, response.getStatusCode(), location);
      }
      return tenant;
    }
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

  private static HttpResponse send(HttpPipeline pipeline, HttpRequest request, String what) {
    try {
      return pipeline.sendSync(request, Context.NONE);
    } catch (RuntimeException e) {
      throw new CredentialsException(what + ": " + AzureErrors.describe(e), e);
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
  private static Map<String, Object> parse(String body) {
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
