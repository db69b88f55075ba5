package io.databricks4j.core.paging;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Walks pages: fetches the page of the current request when its items are needed, then asks
 * {@link #next} for the request of the following page (null when there is none).
 */
abstract class PageIterator<Req, Resp, T> implements Iterator<T> {
  private final Function<Req, Resp> fetch;
  private final Function<Resp, ? extends Collection<? extends T>> items;
  private Req request;
  private Iterator<? extends T> current = Collections.emptyIterator();

  PageIterator(Req first, Function<Req, Resp> fetch, Function<Resp, ? extends Collection<? extends T>> items) {
    this.request = first;
    this.fetch = fetch;
    this.items = items;
  }

  /** The request of the page after {@code response}, or null when {@code response} was the last. */
  abstract Req next(Req request, Resp response, Collection<? extends T> items);

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      if (request == null) {
        return false;
      }
      Resp response = fetch.apply(request);
      Collection<? extends T> page = response == null ? null : items.apply(response);
      if (page == null) {
        page = List.of();
      }
      current = page.iterator();
      request = response == null ? null : next(request, response, page);
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}
