package io.databricks4j.http;

import io.databricks4j.error.DatabricksException;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response whose body has not been read yet: the body streams from the connection. Close it
 * (try-with-resources) to give the connection back; {@link #bodyAsString()} and
 * {@link #bodyAsBytes()} read and close.
 */
public final class HttpResponse implements Closeable {
  private final int status;
  private final String reason;
  private final Map<String, List<String>> headers;
  private final InputStream body;
  private final long contentLength;
  private final Closeable onClose;
  private final Runnable onAbort;

  private HttpResponse(Builder b) {
    this.status = b.status;
    this.reason = b.reason;
    this.headers = Collections.unmodifiableMap(b.headers); // values are immutable lists
    b.shared = true; // the builder copies its map before the next change
    this.body = b.body;
    this.contentLength = b.contentLength;
    this.onClose = b.onClose;
    this.onAbort = b.onAbort;
  }

  private HttpResponse(HttpResponse base, InputStream body, long contentLength) {
    this.status = base.status;
    this.reason = base.reason;
    this.headers = base.headers;
    this.body = body;
    this.contentLength = contentLength;
    this.onClose = base.onClose;
    this.onAbort = base.onAbort;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * This response with another body (a buffered copy, or a stream that wraps the original);
   * closing or aborting it still releases the connection. Close only one of the two.
   */
  public HttpResponse withBody(InputStream body, long contentLength) {
    return new HttpResponse(this, Objects.requireNonNull(body, "body"), contentLength);
  }

  public int status() {
    return status;
  }

  /** The reason phrase, possibly empty. */
  public String reason() {
    return reason;
  }

  /** All headers; lookups ignore case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name}. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** The body length from {@code Content-Length}, -1 when unknown. */
  public long contentLength() {
    return contentLength;
  }

  /** The body; read it once. */
  public InputStream body() {
    return body;
  }

  /** Reads the whole body and closes the response. */
  public byte[] bodyAsBytes() {
    try (this) {
      return body.readAllBytes();
    } catch (IOException e) {
      throw new DatabricksException("cannot read the response body: " + e, e);
    }
  }

  /** The character set the {@code Content-Type} names ({@code charset=...}); UTF-8 when it names none or an unknown one. */
  public java.nio.charset.Charset charset() {
    return charsetOf(header("Content-Type").orElse(null));
  }

  /** The character set a {@code Content-Type} value names; UTF-8 when it names none or an unknown one. */
  public static java.nio.charset.Charset charsetOf(String contentType) {
    if (contentType != null) {
      for (String part : contentType.split(";")) {
        String p = part.strip();
        if (p.regionMatches(true, 0, "charset=", 0, 8)) {
          try {
            return java.nio.charset.Charset.forName(p.substring(8).replace("\"", "").strip());
          } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** Reads the whole body as UTF-8 and closes the response. */
  public String bodyAsString() {
    return new String(bodyAsBytes(), StandardCharsets.UTF_8);
  }

  /** Whether {@link #abort()} drops the connection; when false it reads the rest of the body as {@link #close()} does. */
  public boolean abortable() {
    return onAbort != null;
  }

  /**
   * Gives the response up without reading the rest of its body: the connection is closed rather
   * than drained for reuse, which is right when a large body is abandoned part-way. Any thread may
   * call it, also while another one is reading the body.
   */
  public void abort() {
    if (onAbort == null) {
      close();
      return;
    }
    onAbort.run();
  }

  /**
   * Releases the connection; an unread body is discarded. Never fails: a connection that cannot
   * be given back cleanly (its body was cut short, say) is dropped.
   */
  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      if (onAbort != null) {
        onAbort.run();
      }
    }
    try {
      onClose.close();
    } catch (IOException e) {
      // the connection is discarded either way
    }
  }

  @Override
  public String toString() {
    return "HttpResponse{" + status + " " + reason + "}";
  }

  /** Builder of {@link HttpResponse}. */
  public static final class Builder {
    private int status = 200;
    private String reason = "";
    private TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private boolean shared;
    private InputStream body = InputStream.nullInputStream();
    private long contentLength = -1;
    private Closeable onClose = () -> { };
    private Runnable onAbort;

    private Builder() {}

    public Builder status(int v) {
      status = v;
      return this;
    }

    public Builder reason(String v) {
      reason = v == null ? "" : v;
      return this;
    }

    /** Adds a value of header {@code name}. */
    public Builder header(String name, String value) {
      Objects.requireNonNull(value, "value");
      own().merge(Objects.requireNonNull(name, "name"), List.of(value), Builder::concat);
      return this;
    }

    private TreeMap<String, List<String>> own() {
      if (shared) {
        headers = new TreeMap<>(headers);
        shared = false;
      }
      return headers;
    }

    private static List<String> concat(List<String> a, List<String> b) {
      List<String> all = new ArrayList<>(a.size() + b.size());
      all.addAll(a);
      all.addAll(b);
      return List.copyOf(all);
    }

    public Builder body(InputStream v) {
      body = v;
      return this;
    }

    /** A body of {@code bytes}, with their length. */
    public Builder body(byte[] bytes) {
      body = new ByteArrayInputStream(bytes);
      contentLength = bytes.length;
      return this;
    }

    public Builder contentLength(long v) {
      contentLength = v;
      return this;
    }

    /** Called by {@link #close()} after the body is closed. */
    public Builder onClose(Closeable v) {
      onClose = v;
      return this;
    }

    /** What {@link HttpResponse#abort()} does: close the connection without reading the rest of the body. */
    public Builder onAbort(Runnable v) {
      onAbort = v;
      return this;
    }

    public HttpResponse build() {
      return new HttpResponse(this);
    }
  }
}
