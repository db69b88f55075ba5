package io.databricks4j.auth.gcp.internal;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.util.StreamingContent;
import com.google.auth.http.HttpTransportFactory;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import io.databricks4j.http.RequestBody;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A google-http-client {@link HttpTransport} over the client's {@link HttpSender}: the Google Auth
 * Library builds its requests as usual and the SDK's pipeline sends them (transport, proxy, TLS
 * settings, retries, redacting log). The library's own time-outs are not used: the sender carries
 * the client's. Every request the library makes here asks for a token or signs one, so each may be
 * sent again after a lost answer.
 *
 * <p>google-http-client logs requests and answers, bodies included, at {@code CONFIG} on the
 * java.util.logging logger {@code com.google.api.client.http.HttpTransport}, above this transport.
 * Nothing here can switch that off (the library builds its {@code HttpRequest}s itself, through
 * final methods); the Google Auth Library switches it off on every token request it makes
 * ({@code setLoggingEnabled(false)}). Where an application wants certainty, it sets that logger's
 * level to {@code INFO} or above.
 */
public final class SenderTransport extends HttpTransport {
  /** The pipeline decides about compression; the rest follows from the body. */
  private static final Set<String> NOT_COPIED = Set.of("content-type", "content-length", "accept-encoding");
  private final HttpSender sender;

  public SenderTransport(HttpSender sender) {
    this.sender = Objects.requireNonNull(sender, "sender");
  }

  /** A factory of transports over {@code sender}, for the Google Auth Library's builders. */
  public static HttpTransportFactory factory(HttpSender sender) {
    SenderTransport transport = new SenderTransport(sender);
    return () -> transport;
  }

  @Override
  public boolean supportsMethod(String method) {
    return true;
  }

  @Override
  protected LowLevelHttpRequest buildRequest(String method, String url) {
    return new Request(sender, method, url);
  }

  @Override
  public String toString() {
    return "SenderTransport";
  }

  private static final class Request extends LowLevelHttpRequest {
    private final HttpSender sender;
    private final String method;
    private final String url;
    private final List<String[]> headers = new ArrayList<>();

    Request(HttpSender sender, String method, String url) {
      this.sender = sender;
      this.method = method;
      this.url = url;
    }

    @Override
    public void addHeader(String name, String value) {
      headers.add(new String[] {name, value});
    }

    @Override
    public LowLevelHttpResponse execute() throws IOException {
      HttpRequest.Builder b = HttpRequest.builder(method, url).idempotent(true);
      for (String[] h : headers) {
        if (!NOT_COPIED.contains(h[0].toLowerCase(Locale.ROOT))) {
          b.header(h[0], h[1]);
        }
      }
      StreamingContent content = getStreamingContent();
      if (content != null) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        content.writeTo(bytes);
        b.body(RequestBody.of(bytes.toByteArray(), getContentType() == null ? RequestBody.OCTET_STREAM : getContentType()));
        if (getContentEncoding() != null) {
          b.header("Content-Encoding", getContentEncoding());
        }
      }
      try {
        return new Response(sender.send(b.build()));
      } catch (DatabricksException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
  }

  private static final class Response extends LowLevelHttpResponse {
    private final int status;
    private final String reason;
    private final List<String[]> headers = new ArrayList<>();
    private final byte[] body;

    Response(HttpResponse response) {
      this.status = response.status();
      this.reason = response.reason();
      for (Map.Entry<String, List<String>> h : response.headers().entrySet()) {
        h.getValue().forEach(v -> headers.add(new String[] {h.getKey(), v}));
      }
      this.body = response.bodyAsBytes();
    }

    private String header(String name) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          return h[1];
        }
      }
      return null;
    }

    @Override
    public InputStream getContent() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public String getContentEncoding() {
      return header("Content-Encoding");
    }

    @Override
    public long getContentLength() {
      return body.length;
    }

    @Override
    public String getContentType() {
      return header("Content-Type");
    }

    @Override
    public String getStatusLine() {
      return "HTTP/1.1 " + status + (reason.isEmpty() ? "" : " " + reason);
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    public String getReasonPhrase() {
      return reason;
    }

    @Override
    public int getHeaderCount() {
      return headers.size();
    }

    @Override
    public String getHeaderName(int index) {
      return headers.get(index)[0];
    }

    @Override
    public String getHeaderValue(int index) {
      return headers.get(index)[1];
    }
  }
}
