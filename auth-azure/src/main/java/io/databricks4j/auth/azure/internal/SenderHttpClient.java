package io.databricks4j.auth.azure.internal;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import io.databricks4j.http.RequestBody;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An azure-core {@link HttpClient} over the client's {@link HttpSender}: what Azure Identity and MSAL
 * send goes through the SDK's pipeline, with its transport, proxy, TLS settings, retries and
 * redacting log, instead of an HTTP client of azure-core's. Every request these credentials make
 * only asks for a token or reads metadata, so each may be sent again after a lost answer.
 *
 * <p>A failure to get any answer is the sender's {@link io.databricks4j.error.DatabricksException},
 * unchanged: Azure Identity and MSAL wrap it, and its message (endpoint and cause) stays in the chain.
 */
final class SenderHttpClient implements HttpClient {
  /** Set by the transport from the body, never copied from the Azure request. */
  private static final Set<String> FROM_BODY = Set.of("content-type", "content-length");
  private final HttpSender sender;

  SenderHttpClient(HttpSender sender) {
    this.sender = Objects.requireNonNull(sender, "sender");
  }

  @Override
  public Mono<com.azure.core.http.HttpResponse> send(com.azure.core.http.HttpRequest request) {
    return Mono.fromCallable(() -> sendSync(request, Context.NONE));
  }

  @Override
  public Mono<com.azure.core.http.HttpResponse> send(com.azure.core.http.HttpRequest request, Context context) {
    return Mono.fromCallable(() -> sendSync(request, context));
  }

  @Override
  public com.azure.core.http.HttpResponse sendSync(com.azure.core.http.HttpRequest request, Context context) {
    return new Buffered(request, sender.send(toOurs(request)));
  }

  static HttpRequest toOurs(com.azure.core.http.HttpRequest request) {
    HttpRequest.Builder b = HttpRequest.builder(request.getHttpMethod().name(), request.getUrl().toString())
        .idempotent(true);
    String contentType = null;
    for (HttpHeader h : request.getHeaders()) {
      String name = h.getName().toLowerCase(Locale.ROOT);
      if (name.equals("content-type")) {
        contentType = h.getValue();
      } else if (!FROM_BODY.contains(name)) {
        b.header(h.getName(), String.join(",", h.getValuesList()));
      }
    }
    BinaryData body = request.getBodyAsBinaryData();
    if (body != null) {
      b.body(RequestBody.of(body.toBytes(), contentType == null ? RequestBody.OCTET_STREAM : contentType));
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "SenderHttpClient";
  }

  /** The sender's answer, whose body is already in memory. */
  static final class Buffered extends com.azure.core.http.HttpResponse {
    private final int status;
    private final HttpHeaders headers = new HttpHeaders();
    private final byte[] body;

    Buffered(com.azure.core.http.HttpRequest request, HttpResponse response) {
      super(request);
      this.status = response.status();
      for (Map.Entry<String, List<String>> h : response.headers().entrySet()) {
        headers.set(HttpHeaderName.fromString(h.getKey()), h.getValue());
      }
      this.body = response.bodyAsBytes();
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    public String getHeaderValue(String name) {
      return headers.getValue(HttpHeaderName.fromString(name));
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Flux<ByteBuffer> getBody() {
      return body.length == 0 ? Flux.empty() : Flux.defer(() -> Flux.just(ByteBuffer.wrap(body).asReadOnlyBuffer()));
    }

    @Override
    public BinaryData getBodyAsBinaryData() {
      return BinaryData.fromBytes(body);
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return body.length == 0 ? Mono.empty() : Mono.fromSupplier(body::clone);
    }

    @Override
    public Mono<String> getBodyAsString() {
      return getBodyAsString(io.databricks4j.http.HttpResponse.charsetOf(headers.getValue(HttpHeaderName.CONTENT_TYPE)));
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
      return body.length == 0 ? Mono.empty() : Mono.fromSupplier(() -> new String(body, charset));
    }

    @Override
    public com.azure.core.http.HttpResponse buffer() {
      return this;
    }
  }
}
