package io.databricks4j.core.paging;

import io.databricks4j.paging.PagedIterable;
import java.util.function.Function;

/**
 * The items of a list operation across its pages, fetched as iteration reaches them.
 *
 * @param <T> the item type
 */
public interface Paged<T> extends PagedIterable<T> {

  /**
   * The same items without repeats: an item whose {@code key} was already returned is skipped
   * (SCIM lists can repeat an item across pages when the list changes while it is read).
   */
  Paged<T> dedupe(Function<? super T, ?> key);
}
