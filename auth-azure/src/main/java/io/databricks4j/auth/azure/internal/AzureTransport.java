package io.databricks4j.auth.azure.internal;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.core.util.ConfigurationSource;
import com.azure.core.util.HttpClientOptions;
import com.azure.identity.CredentialBuilderBase;
import io.databricks4j.auth.ConfigView;
import java.time.Duration;
import java.util.Map;

/**
 * How the Azure strategies reach Azure: the azure-core {@link HttpClient} (tests pass one that
 * routes to local servers), the retry policy, and an Azure {@link Configuration} made from the
 * {@link ConfigView#environment()} seam instead of the process environment.
 */
public final class AzureTransport {
  private static final AzureTransport DEFAULTS = new AzureTransport(null, null);

  /**
   * Every endpoint we talk to answers JSON; MSAL omits the header, which the official Databricks
   * SDKs send to IMDS (and their test fixtures require).
   */
  private static final HttpPipelinePolicy ACCEPT_JSON = new HttpPipelineSyncPolicy() {
    @Override
    protected void beforeSendingRequest(com.azure.core.http.HttpPipelineCallContext context) {
      if (context.getHttpRequest().getHeaders().getValue(HttpHeaderName.ACCEPT) == null) {
        context.getHttpRequest().setHeader(HttpHeaderName.ACCEPT, "application/json");
      }
    }
  };

  private final HttpClient httpClient;
  private final RetryPolicy retryPolicy;

  private AzureTransport(HttpClient httpClient, RetryPolicy retryPolicy) {
    this.httpClient = httpClient;
    this.retryPolicy = retryPolicy;
  }

  /** The library defaults: azure-core's HTTP client provider and each credential's own retries. */
  public static AzureTransport defaults() {
    return DEFAULTS;
  }

  /** A transport of one's own; either argument may be null for the library default. */
  public static AzureTransport of(HttpClient httpClient, RetryPolicy retryPolicy) {
    return new AzureTransport(httpClient, retryPolicy);
  }

  /**
   * Applies the configuration, HTTP client and retry policy to an Azure Identity builder. Call it
   * before setting the authority host: the configuration resets it.
   */
  public <T extends CredentialBuilderBase<T>> T configure(T builder, ConfigView config) {
    T b = builder.configuration(configuration(config)).addPolicy(ACCEPT_JSON);
    if (httpClient != null) {
      b = b.httpClient(httpClient);
    }
    if (retryPolicy != null) {
      b = b.retryPolicy(retryPolicy);
    }
    return b;
  }

  /** A pipeline for the requests this module makes itself (Resource Manager, tenant discovery). */
  public HttpPipeline pipeline(ConfigView config) {
    HttpClient client = httpClient;
    if (client == null) {
      Duration timeout = Duration.ofSeconds(Math.max(1, config.httpTimeoutSeconds()));
      client = HttpClient.createDefault(new HttpClientOptions()
          .setConnectTimeout(timeout).setResponseTimeout(timeout).setReadTimeout(timeout));
    }
    HttpPipelineBuilder builder = new HttpPipelineBuilder().httpClient(client);
    return builder.policies(ACCEPT_JSON, retryPolicy != null ? retryPolicy : new RetryPolicy()).build();
  }

  /** Azure SDK settings (AZURE_*, IDENTITY_*, MSI_*) read from the configuration's environment. */
  static Configuration configuration(ConfigView config) {
    Map<String, String> env = Map.copyOf(config.environment());
    ConfigurationSource none = path -> Map.of();
    ConfigurationSource environment = path -> env;
    return new ConfigurationBuilder(none, none, environment).build();
  }

  @Override
  public String toString() {
    return "AzureTransport{httpClient=" + (httpClient == null ? "default" : httpClient.getClass().getSimpleName())
        + ", retryPolicy=" + (retryPolicy == null ? "default" : "custom") + "}";
  }
}
