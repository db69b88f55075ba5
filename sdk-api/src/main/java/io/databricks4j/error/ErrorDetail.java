package io.databricks4j.error;

import java.util.Map;
import java.util.Objects;

/** One entry of the {@code details} array of an error response ({@code ErrorInfo}, {@code RequestInfo}, ...). */
public final class ErrorDetail {
  private final String type;
  private final String reason;
  private final String domain;
  private final Map<String, String> metadata;

  public ErrorDetail(String type, String reason, String domain, Map<String, String> metadata) {
    this.type = type == null ? "" : type;
    this.reason = reason == null ? "" : reason;
    this.domain = domain == null ? "" : domain;
    this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** The {@code @type} field, for example {@code type.googleapis.com/google.rpc.ErrorInfo}. */
  public String type() {
    return type;
  }

  public String reason() {
    return reason;
  }

  public String domain() {
    return domain;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ErrorDetail d && type.equals(d.type) && reason.equals(d.reason)
        && domain.equals(d.domain) && metadata.equals(d.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, reason, domain, metadata);
  }

  @Override
  public String toString() {
    return "ErrorDetail{type=" + type + ", reason=" + reason + ", domain=" + domain + ", metadata=" + metadata + "}";
  }
}
