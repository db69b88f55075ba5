/**
 * An HTTP transport for databricks4j on {@code java.net.http.HttpClient}, selected with
 * {@code http_transport=jdk}. See {@link io.databricks4j.transport.jdk.JdkTransportProvider} for
 * what it does and does not support.
 */
module io.databricks4j.transport.jdk {
  requires io.databricks4j.api;
  requires java.net.http;

  provides io.databricks4j.http.HttpTransportProvider with io.databricks4j.transport.jdk.JdkTransportProvider;
}
