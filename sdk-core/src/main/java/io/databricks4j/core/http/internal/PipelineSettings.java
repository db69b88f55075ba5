package io.databricks4j.core.http.internal;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.core.logging.HttpLogger;
import io.databricks4j.core.retry.Backoff;
import io.databricks4j.core.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Everything {@link io.databricks4j.core.http.HttpPipeline.Builder} collected. Nullable:
 * {@code sslContext}, {@code proxyHost}, {@code proxyUsername}, {@code proxyPassword},
 * {@code errorContext}, {@code dnsResolver}.
 */
public record PipelineSettings(
    String baseUrl,
    Supplier<Map<String, String>> headers,
    Map<String, String> staticHeaders,
    String userAgent,
    Duration connectTimeout,
    Duration readTimeout,
    Duration retryTimeout,
    boolean retriesEnabled,
    int rateLimit,
    boolean skipVerify,
    SSLContext sslContext,
    String proxyHost,
    int proxyPort,
    String proxyUsername,
    String proxyPassword,
    int maxConnections,
    List<Consumer<HttpRequest.Builder>> interceptors,
    HttpLogger logger,
    Supplier<String> errorContext,
    Backoff backoff,
    Clock clock,
    Sleeper sleeper,
    DnsResolver dnsResolver) {}
