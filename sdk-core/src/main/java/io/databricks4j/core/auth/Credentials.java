package io.databricks4j.core.auth;

import io.databricks4j.auth.HeaderFactory;
import java.util.Map;

/** The strategy that won and the header factory it produced. */
public final class Credentials {
  private final String authType;
  private final HeaderFactory headers;

  Credentials(String authType, HeaderFactory headers) {
    this.authType = authType;
    this.headers = headers;
  }

  /** The {@code auth_type} that was selected. */
  public String authType() {
    return authType;
  }

  public HeaderFactory headerFactory() {
    return headers;
  }

  /** The authentication headers for one request. */
  public Map<String, String> headers() {
    return headers.headers();
  }

  @Override
  public String toString() {
    return "Credentials{authType=" + authType + "}";
  }
}
