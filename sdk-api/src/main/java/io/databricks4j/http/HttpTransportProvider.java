package io.databricks4j.http;

/**
 * Makes {@link HttpTransport}s; the plug-in point for an HTTP library. Found by {@link
 * java.util.ServiceLoader} (register in {@code META-INF/services/io.databricks4j.http.HttpTransportProvider}
 * and with {@code provides} in {@code module-info}). A transport named by the {@code http_transport}
 * setting wins; otherwise the one with the lowest {@link #priority()} (ties by name).
 */
public interface HttpTransportProvider {

  /** The name {@code http_transport} selects it by, for example {@code apache} or {@code jdk}. */
  String name();

  /** Lower wins when {@code http_transport} names none; the default transport has 100. */
  default int priority() {
    return 100;
  }

  /** A new transport with these options; it makes no connection until a request is sent. */
  HttpTransport create(HttpTransportOptions options);
}
