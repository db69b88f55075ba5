package io.databricks4j.auth.azure.internal;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.core.util.ConfigurationSource;
import com.azure.identity.CredentialBuilderBase;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.http.HttpSender;
import java.time.Duration;
import java.util.Map;

/**
 * How the Azure strategies reach Azure: every Azure Identity credential gets an azure-core pipeline
 * made of one policy (an {@code Accept} header) over {@link SenderHttpClient}, so its requests take
 * the client's pipeline and no retry or HTTP logging policy of azure-core's runs above it. The
 * requests this module makes itself go to the sender directly.
 *
 * <p>Bounds of their own, so that an unreachable endpoint fails a call quickly instead of holding it
 * for the client's whole retry budget:
 * <ul>
 *   <li>tenant discovery and the workspace look-up in Resource Manager: connect within
 *       {@link #DISCOVERY_CONNECT}, whole request within {@link #DISCOVERY_BUDGET}, so either gives up
 *       in under 3 s;</li>
 *   <li>the managed identity endpoint (IMDS): connect within {@link #IMDS_CONNECT}, each request
 *       within {@link #IMDS_BUDGET};</li>
 *   <li>the {@code az} process: {@link AzureCli#TIMEOUT}.</li>
 * </ul>
 */
public final class AzureHttp {
  /** Connect time-out of tenant discovery and the Resource Manager look-up. */
  public static final Duration DISCOVERY_CONNECT = Duration.ofMillis(1500);
  /** Budget of one tenant discovery or Resource Manager request, retries and waits included. */
  public static final Duration DISCOVERY_BUDGET = Duration.ofMillis(2500);
  /** Connect time-out of the instance metadata service: it is on the local link or not there at all. */
  public static final Duration IMDS_CONNECT = Duration.ofSeconds(1);
  /** Budget of one request to the instance metadata service, retries and waits included. */
  public static final Duration IMDS_BUDGET = Duration.ofSeconds(10);

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

  private AzureHttp() {}

  /** The sender for tenant discovery and the Resource Manager look-up. */
  public static HttpSender discovery(ConfigView config) {
    return config.http().withLimits(DISCOVERY_CONNECT, DISCOVERY_BUDGET);
  }

  /** The sender for the managed identity endpoint. */
  public static HttpSender managedIdentity(ConfigView config) {
    return config.http().withLimits(IMDS_CONNECT, IMDS_BUDGET);
  }

  /** The azure-core pipeline of the credentials: {@code Accept: application/json} over {@code sender}. */
  static HttpPipeline pipeline(HttpSender sender) {
    return new HttpPipelineBuilder().httpClient(new SenderHttpClient(sender)).policies(ACCEPT_JSON).build();
  }

  /**
   * Applies the configuration and the pipeline over {@code sender} to an Azure Identity builder.
   * Call it before setting the authority host: the configuration resets it. The builder uses the
   * pipeline as it is; the retry and log options are set as well (no retries, no HTTP logging) so
   * that nothing changes should a credential ever build a pipeline of its own.
   */
  static <T extends CredentialBuilderBase<T>> T configure(T builder, ConfigView config, HttpSender sender) {
    return builder.configuration(configuration(config))
        .httpPipeline(pipeline(sender))
        .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ZERO)))
        .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE));
  }

  /** Azure SDK settings (AZURE_*, IDENTITY_*, MSI_*) read from the configuration's environment. */
  static Configuration configuration(ConfigView config) {
    Map<String, String> env = Map.copyOf(config.environment());
    ConfigurationSource none = path -> Map.of();
    ConfigurationSource environment = path -> env;
    return new ConfigurationBuilder(none, none, environment).build();
  }
}
