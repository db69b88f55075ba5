package io.databricks4j.testkit.internal;

import io.databricks4j.testkit.internal.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Pagination by key: a page token names the last key served, so a page never repeats or skips
 * an item that existed throughout, whatever is created or deleted between pages.
 */
public final class Pages {
  private Pages() {
  }

  /** One page and the token of the next, null on the last page. */
  public record Page<T>(List<T> items, String nextToken) {
    public boolean hasMore() {
      return nextToken != null;
    }
  }

  /** The page of {@code sorted} (ascending by {@code key}) after {@code token}. */
  public static <T> Page<T> after(List<T> sorted, Function<T, String> key, String token, int limit) {
    int from = 0;
    if (token != null && !token.isEmpty()) {
      String last = decode(token);
      while (from < sorted.size() && key.apply(sorted.get(from)).compareTo(last) <= 0) {
        from++;
      }
    }
    int to = Math.min(sorted.size(), from + limit);
    String next = to < sorted.size() && to > from ? encode(key.apply(sorted.get(to - 1))) : null;
    return new Page<>(List.copyOf(sorted.subList(from, to)), next);
  }

  /** The page of {@code items} starting at {@code offset}. */
  public static <T> Page<T> offset(List<T> items, int offset, int limit) {
    int from = Math.min(Math.max(0, offset), items.size());
    int to = Math.min(items.size(), from + limit);
    String next = to < items.size() ? encode("#" + to) : null;
    return new Page<>(List.copyOf(items.subList(from, to)), next);
  }

  /** The token of the page that starts at {@code offset}. */
  public static String offsetToken(int offset) {
    return encode("#" + offset);
  }

  /** The offset an {@link #offset} token stands for. */
  public static int offsetOf(String token) {
    String decoded = decode(token);
    try {
      if (decoded.startsWith("#")) {
        return Integer.parseInt(decoded.substring(1));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid("Invalid page token");
  }

  /** The page size to serve: what the client asked for, at most {@code pageSize}; 0 or absent means pageSize. */
  public static int size(long requested, int pageSize) {
    if (requested < 0) {
      throw ApiException.invalid("The page size must not be negative, got " + requested);
    }
    return requested == 0 ? pageSize : (int) Math.min(requested, pageSize);
  }

  /** A zero-padded decimal, so that numeric keys sort as text. */
  public static String numericKey(long n) {
    return String.format("%020d", n);
  }

  static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("tk:" + key).getBytes(StandardCharsets.UTF_8));
  }

  static String decode(String token) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (s.startsWith("tk:")) {
        return s.substring(3);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ApiException.invalid("Invalid page token: " + token);
  }
}
