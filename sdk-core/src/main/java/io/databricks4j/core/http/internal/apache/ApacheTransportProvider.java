package io.databricks4j.core.http.internal.apache;

import io.databricks4j.http.HttpTransport;
import io.databricks4j.http.HttpTransportOptions;
import io.databricks4j.http.HttpTransportProvider;

/** The default transport, {@code apache}: Apache HttpClient 5. */
public final class ApacheTransportProvider implements HttpTransportProvider {
  /** The name {@code http_transport} selects it by. */
  public static final String NAME = "apache";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 100;
  }

  @Override
  public HttpTransport create(HttpTransportOptions options) {
    return new ApacheTransport(options);
  }
}
