package io.databricks4j.core.http.internal;

import io.databricks4j.core.logging.HttpLogger;
import io.databricks4j.core.retry.Backoff;
import io.databricks4j.core.retry.Sleeper;
import io.databricks4j.http.HttpPolicy;
import io.databricks4j.http.HttpTransport;
import io.databricks4j.http.HttpTransportOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Everything {@link io.databricks4j.core.http.HttpPipeline.Builder} collected.
 *
 * @param origin scheme, host and port of the client's host: every relative request goes there
 * @param hostSource where the host was configured, for messages ({@code DATABRICKS_HOST}); may be empty
 * @param headers the authentication headers of an attempt; null for a pipeline of plug-in requests only
 * @param transportName the {@code http_transport} setting; null for the preferred transport
 * @param transport a transport of the caller's, which the pipeline then does not close; may be null
 * @param attemptTimeout longest time one attempt of a decoded call may take, body included
 * @param pluginBudget retry budget of one plug-in request (token, discovery)
 * @param errorContext text for the message of a 401 or 403; may be null
 */
public record PipelineSettings(
    String origin,
    String hostSource,
    Supplier<Map<String, String>> headers,
    Map<String, String> staticHeaders,
    String userAgent,
    HttpTransportOptions transportOptions,
    String transportName,
    HttpTransport transport,
    Duration attemptTimeout,
    Duration retryTimeout,
    boolean retriesEnabled,
    int rateLimit,
    List<HttpPolicy> policies,
    HttpLogger logger,
    Supplier<String> errorContext,
    Duration pluginBudget,
    Backoff backoff,
    Clock clock,
    Sleeper sleeper,
    LongSupplier nanoTime) {}
