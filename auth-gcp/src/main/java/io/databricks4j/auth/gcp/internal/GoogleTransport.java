package io.databricks4j.auth.gcp.internal;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.http.HttpTransportFactory;

/**
 * The {@link HttpTransportFactory} every Google credential is built with: the library's usual
 * {@link NetHttpTransport} in production, one that routes to local servers in tests.
 */
public final class GoogleTransport {
  private static final HttpTransport SHARED = new NetHttpTransport();
  private static final GoogleTransport DEFAULTS = new GoogleTransport(() -> SHARED);

  private final HttpTransportFactory factory;

  private GoogleTransport(HttpTransportFactory factory) {
    this.factory = factory;
  }

  public static GoogleTransport defaults() {
    return DEFAULTS;
  }

  public static GoogleTransport of(HttpTransportFactory factory) {
    return new GoogleTransport(factory);
  }

  public HttpTransportFactory factory() {
    return factory;
  }

  @Override
  public String toString() {
    return "GoogleTransport{" + (this == DEFAULTS ? "default" : "custom") + "}";
  }
}
