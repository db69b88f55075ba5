package io.databricks4j.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request: method, path ({@code /api/2.1/clusters/get}, percent-encoded as sent), query
 * parameters in order (a name may repeat), headers (names case-insensitive), an optional
 * {@link RequestBody}, and whether the operation may be repeated ({@link #idempotent()}). A request
 * of a service is relative to the client's host; a request to another server (a token endpoint,
 * say) carries its {@link #origin()}. Immutable; {@link #builder(String, String)} and
 * {@link #toBuilder()}.
 */
public final class HttpRequest {
  private final String method;
  private final String origin;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, String> headers;
  private final RequestBody body;
  private final boolean idempotent;
  private String pathAndQuery;

  private HttpRequest(Builder b) {
    this.method = b.method;
    this.origin = b.origin;
    this.path = b.path;
    Map<String, List<String>> q = new LinkedHashMap<>();
    b.query.forEach((k, v) -> q.put(k, List.copyOf(v)));
    this.query = Collections.unmodifiableMap(q);
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(b.headers);
    this.headers = Collections.unmodifiableMap(h);
    this.body = b.body;
    this.idempotent = b.idempotent != null ? b.idempotent : idempotentMethod(method);
  }

  private HttpRequest(HttpRequest base, Map<String, String> headers, String origin) {
    this.method = base.method;
    this.origin = origin;
    this.path = base.path;
    this.query = base.query;
    this.headers = Collections.unmodifiableMap(headers);
    this.body = base.body;
    this.idempotent = base.idempotent;
    this.pathAndQuery = base.pathAndQuery;
  }

  /**
   * A builder of a request with {@code method} (any case) to {@code target}: a path starting with
   * {@code /}, relative to the client's host, or an absolute {@code https://} or {@code http://}
   * URL, whose query becomes the request's parameters.
   */
  public static Builder builder(String method, String target) {
    Builder b = new Builder().method(method);
    return target != null && (target.startsWith("https://") || target.startsWith("http://")) ? b.url(target)
        : b.path(target);
  }

  public Builder toBuilder() {
    Builder b = new Builder().method(method).path(path);
    b.origin = origin;
    query.forEach((k, v) -> b.query.put(k, new ArrayList<>(v)));
    b.headers.putAll(headers);
    b.body = body;
    b.idempotent = idempotent;
    return b;
  }

  /** The method, upper case. */
  public String method() {
    return method;
  }

  /**
   * Scheme, host and port ({@code https://login.example.com:8443}) of a request to a server other
   * than the client's host; empty for a request relative to it.
   */
  public Optional<String> origin() {
    return Optional.ofNullable(origin);
  }

  /** This request sent to {@code origin} (scheme, host and optional port, no path). */
  public HttpRequest withOrigin(String origin) {
    return toBuilder().origin(origin).build();
  }

  /**
   * The absolute URL: the origin ({@code base} when the request has none), path and query.
   *
   * @throws IllegalStateException when the request has no origin and {@code base} is null
   */
  public String url(String base) {
    String o = origin != null ? origin : base;
    if (o == null) {
      throw new IllegalStateException(method + " " + path + " has no origin: give it an absolute URL");
    }
    return o + pathAndQuery();
  }

  /** The path, percent-encoded, without query. */
  public String path() {
    return path;
  }

  /** Query parameters in the order added, values decoded. */
  public Map<String, List<String>> query() {
    return query;
  }

  /** Headers; lookups ignore case. */
  public Map<String, String> headers() {
    return headers;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  public Optional<RequestBody> body() {
    return Optional.ofNullable(body);
  }

  /**
   * Whether sending this request twice has the effect of sending it once, so that it may be sent
   * again after a failure that left its outcome unknown (a reset after it was sent, a time-out).
   * {@code GET}, {@code HEAD}, {@code PUT}, {@code DELETE} and {@code OPTIONS} are unless the
   * builder says otherwise; other methods only when the builder says so (a {@code POST} that
   * carries an idempotency token, or one that only reads).
   */
  public boolean idempotent() {
    return idempotent;
  }

  private static boolean idempotentMethod(String method) {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
      default -> false;
    };
  }

  /** The encoded query string without {@code ?}; empty when there are no parameters. */
  public String rawQuery() {
    StringBuilder sb = new StringBuilder();
    query.forEach((name, values) -> {
      for (String v : values) {
        sb.append(sb.length() == 0 ? "" : "&").append(encode(name)).append('=').append(encode(v));
      }
    });
    return sb.toString();
  }

  /** The path and, when there are parameters, {@code ?} and the encoded query. */
  public String pathAndQuery() {
    String pq = pathAndQuery;
    if (pq == null) {
      String q = rawQuery();
      pq = q.isEmpty() ? path : path + "?" + q;
      pathAndQuery = pq; // immutable request: a racing thread computes the same string
    }
    return pq;
  }

  /**
   * This request with {@code more} headers added; a header of the same name (case-insensitive) is
   * replaced. Cheaper than {@code toBuilder().headers(more).build()}: path, query and body are shared.
   */
  public HttpRequest withHeaders(Map<String, String> more) {
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    more.forEach((k, v) -> h.put(Objects.requireNonNull(k, "name"), Objects.requireNonNull(v, "value")));
    return new HttpRequest(this, h, origin);
  }

  /**
   * The request as sent: sent to {@code defaultOrigin} unless it has an origin of its own, with
   * {@code more} headers added (replacing any of the same name). One copy; path, query and body
   * are shared.
   */
  public HttpRequest resolve(String defaultOrigin, Map<String, String> more) {
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    more.forEach((k, v) -> h.put(Objects.requireNonNull(k, "name"), Objects.requireNonNull(v, "value")));
    return new HttpRequest(this, h, origin != null ? origin : defaultOrigin);
  }

  /** Percent-encodes a query name or value (RFC 3986: unreserved characters stay as they are). */
  static String encode(String s) {
    if (unreserved(s)) {
      return s; // the common case (ids, numbers, tokens) needs no copy
    }
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  private static boolean unreserved(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~')) {
        return false;
      }
    }
    return true;
  }

  private static String decode(String s) {
    return s.indexOf('%') < 0 && s.indexOf('+') < 0 ? s : URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The method and path, without query or origin (the query may carry values not meant for logs). */
  @Override
  public String toString() {
    return origin == null ? method + " " + path : method + " " + origin + path;
  }

  /** Builder of {@link HttpRequest}. */
  public static final class Builder {
    private String method;
    private String origin;
    private String path;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private RequestBody body;
    private Boolean idempotent;

    private Builder() {}

    public Builder method(String v) {
      method = Objects.requireNonNull(v, "method").toUpperCase(Locale.ROOT);
      return this;
    }

    /** The path relative to the host, starting with {@code /}, percent-encoded. */
    public Builder path(String v) {
      if (v == null || !v.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/', got: " + v);
      }
      if (v.indexOf('?') >= 0) {
        throw new IllegalArgumentException("path must not contain a query; use pathAndQuery or query(name, value): " + v);
      }
      path = v;
      return this;
    }

    /** Scheme, host and optional port of a server other than the client's host; null for the client's host. */
    public Builder origin(String v) {
      if (v != null) {
        java.net.URI u = parse(v);
        if (u.getRawPath() != null && !u.getRawPath().isEmpty() || u.getRawQuery() != null) {
          throw new IllegalArgumentException("origin must be scheme, host and port only, got: " + v);
        }
      }
      origin = v;
      return this;
    }

    /**
     * Sets origin, path and query from an absolute {@code https://} or {@code http://} URL. User
     * information ({@code user:password@}) is dropped: it is never sent, and it would be a secret in
     * every message and log line that names the request.
     */
    public Builder url(String v) {
      java.net.URI u = parse(v);
      String authority = u.getRawAuthority();
      origin = u.getScheme().toLowerCase(Locale.ROOT) + "://" + authority.substring(authority.indexOf('@') + 1);
      String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      return pathAndQuery(u.getRawQuery() == null ? p : p + "?" + u.getRawQuery());
    }

    private static java.net.URI parse(String v) {
      java.net.URI u;
      try {
        u = new java.net.URI(Objects.requireNonNull(v, "url"));
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("not a valid URL: " + e.getMessage(), e);
      }
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || u.getRawAuthority() == null || u.getHost() == null) {
        throw new IllegalArgumentException("URL must be absolute with an https:// or http:// scheme and a host, got: " + v);
      }
      return u;
    }

    /**
     * Sets the path and adds the parameters of an encoded query, as found in a URL:
     * {@code /api/2.0/x?a=1&b=two%20words}.
     */
    public Builder pathAndQuery(String v) {
      int q = v == null ? -1 : v.indexOf('?');
      if (q < 0) {
        return path(v);
      }
      path(v.substring(0, q));
      for (String pair : v.substring(q + 1).split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          String name = eq < 0 ? pair : pair.substring(0, eq);
          String value = eq < 0 ? "" : pair.substring(eq + 1);
          query(decode(name), decode(value));
        }
      }
      return this;
    }

    /** Adds a query parameter (decoded); a name may repeat. */
    public Builder query(String name, String value) {
      query.computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
          .add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds every {@code value} of {@code name}. */
    public Builder query(String name, Iterable<String> values) {
      values.forEach(v -> query(name, v));
      return this;
    }

    /** Adds all parameters of {@code params}: a {@link java.util.Collection} value repeats the name. */
    public Builder queryParams(Map<String, ?> params) {
      params.forEach((k, v) -> {
        if (v instanceof Iterable<?> it) {
          it.forEach(item -> query(k, String.valueOf(item)));
        } else if (v != null) {
          query(k, String.valueOf(v));
        }
      });
      return this;
    }

    public Builder removeQuery(String name) {
      query.remove(name);
      return this;
    }

    /** Sets a header, replacing any value under the same name in any case. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder headers(Map<String, String> v) {
      v.forEach(this::header);
      return this;
    }

    public Builder removeHeader(String name) {
      headers.remove(name);
      return this;
    }

    /** The body; null for none. */
    public Builder body(RequestBody v) {
      body = v;
      return this;
    }

    /** Whether the operation may be repeated; by default, whether its method is idempotent. */
    public Builder idempotent(boolean v) {
      idempotent = v;
      return this;
    }

    /** The method as set so far, for interceptors. */
    public String method() {
      return method;
    }

    /** The path as set so far, for interceptors. */
    public String path() {
      return path;
    }

    public HttpRequest build() {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      return new HttpRequest(this);
    }
  }
}
