package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import io.databricks4j.http.RequestBody;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Nimbus's {@link HTTPRequestSender} over the client's {@link HttpSender}: every request Nimbus
 * would send over its own {@code HttpURLConnection} goes through the SDK's pipeline instead. Nimbus's
 * own connect and read time-outs are not used: the sender carries the client's.
 */
final class NimbusSender implements HTTPRequestSender {
  private static final String CONTENT_TYPE = "Content-Type";
  private final HttpSender sender;
  private final boolean repeatable;

  /**
   * @param repeatable whether a request with a body may be sent again after a failure that left its
   *     outcome unknown; requests without one (GET) may always be
   */
  NimbusSender(HttpSender sender, boolean repeatable) {
    this.sender = Objects.requireNonNull(sender, "sender");
    this.repeatable = repeatable;
  }

  /**
   * Sends {@code request} through the SDK's pipeline.
   *
   * @throws Failure when no answer could be had: the {@link IOException} Nimbus expects, carrying the
   *     sender's {@link DatabricksException}
   */
  @Override
  public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
    HttpResponse response;
    try {
      response = sender.send(toOurs(request));
    } catch (DatabricksException e) {
      throw new Failure(e);
    }
    return toNimbus(response);
  }

  private HttpRequest toOurs(ReadOnlyHTTPRequest request) {
    HttpRequest.Builder b = HttpRequest.builder(request.getMethod().name(), request.getURI().toString());
    String contentType = null;
    for (Map.Entry<String, List<String>> h : request.getHeaderMap().entrySet()) {
      if (h.getKey() == null || h.getValue() == null || h.getValue().isEmpty()) {
        continue;
      }
      String value = String.join(", ", h.getValue());
      if (h.getKey().equalsIgnoreCase(CONTENT_TYPE)) {
        contentType = value; // goes with the body
      } else {
        b.header(h.getKey(), value);
      }
    }
    String body = request.getBody();
    if (body != null) {
      b.body(RequestBody.of(body, contentType == null ? RequestBody.OCTET_STREAM : contentType));
      if (repeatable) {
        b.idempotent(true);
      }
    }
    return b.build();
  }

  private static HTTPResponse toNimbus(HttpResponse response) {
    HTTPResponse out = new HTTPResponse(response.status());
    out.setStatusMessage(response.reason());
    response.headers().forEach((name, values) -> {
      if (!values.isEmpty()) {
        out.setHeader(name, values.toArray(new String[0]));
      }
    });
    byte[] body = response.bodyAsBytes();
    out.setBody(body.length == 0 ? null : new String(body, response.charset()));
    return out;
  }

  @Override
  public String toString() {
    return "NimbusSender{repeatable=" + repeatable + "}";
  }

  /** The sender could not get an answer; the cause is its {@link DatabricksException}. */
  static final class Failure extends IOException {
    private static final long serialVersionUID = 1L;

    Failure(DatabricksException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
