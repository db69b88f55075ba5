package io.databricks4j.auth.gcp.internal;

import com.google.auth.http.HttpTransportFactory;
import io.databricks4j.auth.ConfigView;
import java.time.Duration;

/**
 * Where the Google credentials send their requests: {@link SenderTransport} over the configuration's
 * sender. The metadata server of a Google Cloud machine gets bounds of its own, so that off Google
 * Cloud the probe fails quickly: connect within {@link #METADATA_CONNECT}, each request within
 * {@link #METADATA_BUDGET}.
 */
public final class GoogleHttp {
  public static final Duration METADATA_CONNECT = Duration.ofSeconds(1);
  public static final Duration METADATA_BUDGET = Duration.ofSeconds(10);

  private GoogleHttp() {}

  /** Token, IAM and ID token requests. */
  public static HttpTransportFactory transport(ConfigView config) {
    return SenderTransport.factory(config.http());
  }

  /** Requests to the metadata server. */
  public static HttpTransportFactory metadata(ConfigView config) {
    return SenderTransport.factory(config.http().withLimits(METADATA_CONNECT, METADATA_BUDGET));
  }
}
