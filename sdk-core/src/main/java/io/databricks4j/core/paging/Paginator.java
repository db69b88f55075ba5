package io.databricks4j.core.paging;

import io.databricks4j.error.DatabricksException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Makes a {@link Paged} of a list operation from its first request, the call that fetches a
 * page, the items of a page, and how the next request is made. {@code withX} functions return a
 * NEW request. Pages are fetched only when iteration reaches them, so
 * {@code stream().limit(n)} stops fetching early; each {@code iterator()} starts over.
 *
 * <p>A missing {@code items} list (null) is an empty page.
 */
public final class Paginator {
  private Paginator() {}

  /**
   * Token pagination: the next request carries the response's next-page token. A null or empty
   * token ends; an empty page that still has a token goes on.
   *
   * @throws DatabricksException during iteration when the service returns a token it returned before
   */
  public static <Req, Resp, T> Paged<T> token(Req first, Function<Req, Resp> fetch,
      Function<Resp, ? extends Collection<? extends T>> items, Function<Resp, String> nextToken,
      BiFunction<Req, String, Req> withToken) {
    return new DefaultPaged<>(() -> new PageIterator<Req, Resp, T>(first, fetch, items) {
      private final Set<String> seen = new HashSet<>();

      @Override
      Req next(Req request, Resp response, Collection<? extends T> page) {
        String token = nextToken.apply(response);
        if (token == null || token.isEmpty()) {
          return null;
        }
        if (!seen.add(token)) {
          throw new DatabricksException("the service returned the page token '" + token
              + "' a second time; stopped listing to avoid an endless loop (" + seen.size() + " pages read)");
        }
        return withToken.apply(request, token);
      }
    }, null);
  }

  /**
   * Offset pagination: the next offset is this request's offset (0 when null) plus the number of
   * items received; an empty page ends.
   */
  public static <Req, Resp, T> Paged<T> offset(Req first, Function<Req, Resp> fetch,
      Function<Resp, ? extends Collection<? extends T>> items, Function<Req, ? extends Number> offsetOf,
      BiFunction<Req, Long, Req> withOffset) {
    return counting(first, fetch, items, offsetOf, withOffset, 0, "offset");
  }

  /**
   * SCIM pagination: 1-based {@code startIndex}, which advances by the number of items received;
   * an empty page ends. Combine with {@link Paged#dedupe} on the id.
   */
  public static <Req, Resp, T> Paged<T> scim(Req first, Function<Req, Resp> fetch,
      Function<Resp, ? extends Collection<? extends T>> items, Function<Req, ? extends Number> startIndexOf,
      BiFunction<Req, Long, Req> withStartIndex) {
    return counting(first, fetch, items, startIndexOf, withStartIndex, 1, "startIndex");
  }

  /** Page-number pagination: the page (1 when null) goes up by one; an empty page ends. */
  public static <Req, Resp, T> Paged<T> pageNumber(Req first, Function<Req, Resp> fetch,
      Function<Resp, ? extends Collection<? extends T>> items, Function<Req, ? extends Number> pageOf,
      BiFunction<Req, Long, Req> withPage) {
    return new DefaultPaged<>(() -> new PageIterator<Req, Resp, T>(first, fetch, items) {
      @Override
      Req next(Req request, Resp response, Collection<? extends T> page) {
        if (page.isEmpty()) {
          return null;
        }
        Number current = pageOf.apply(request);
        return withPage.apply(request, (current == null ? 1 : current.longValue()) + 1);
      }
    }, null);
  }

  /** A list operation with a single page. */
  public static <Req, Resp, T> Paged<T> single(Req first, Function<Req, Resp> fetch,
      Function<Resp, ? extends Collection<? extends T>> items) {
    return new DefaultPaged<>(() -> new PageIterator<Req, Resp, T>(first, fetch, items) {
      @Override
      Req next(Req request, Resp response, Collection<? extends T> page) {
        return null;
      }
    }, null);
  }

  private static <Req, Resp, T> Paged<T> counting(Req first, Function<Req, Resp> fetch,
      Function<Resp, ? extends Collection<? extends T>> items, Function<Req, ? extends Number> positionOf,
      BiFunction<Req, Long, Req> withPosition, long start, String what) {
    return new DefaultPaged<>(() -> new PageIterator<Req, Resp, T>(first, fetch, items) {
      private final Set<Long> seen = new HashSet<>();

      @Override
      Req next(Req request, Resp response, Collection<? extends T> page) {
        if (page.isEmpty()) {
          return null;
        }
        Number current = positionOf.apply(request);
        long next = (current == null ? start : current.longValue()) + page.size();
        if (!seen.add(next)) {
          throw new DatabricksException("the " + what + " " + next + " came up a second time; stopped listing "
              + "to avoid an endless loop");
        }
        return withPosition.apply(request, next);
      }
    }, null);
  }
}
