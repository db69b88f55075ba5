package io.databricks4j.paging;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a list operation across all its pages. A page is fetched only when iteration
 * reaches it, so {@code stream().limit(n)} fetches no more pages than it needs. Each call to
 * {@link #iterator()} starts from the first page again.
 */
public interface PagedIterable<T> extends Iterable<T> {

  /** A sequential, lazy stream of the items. */
  default Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }
}
