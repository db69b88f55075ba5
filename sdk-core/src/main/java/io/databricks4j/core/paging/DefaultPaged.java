package io.databricks4j.core.paging;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** A {@link Paged} over a fresh page iterator per {@link #iterator()} call. */
final class DefaultPaged<T> implements Paged<T> {
  private final Supplier<Iterator<T>> pages;
  private final Function<? super T, ?> key;

  DefaultPaged(Supplier<Iterator<T>> pages, Function<? super T, ?> key) {
    this.pages = pages;
    this.key = key;
  }

  @Override
  public Iterator<T> iterator() {
    Iterator<T> it = pages.get();
    return key == null ? it : new Deduping<>(it, key);
  }

  @Override
  public Paged<T> dedupe(Function<? super T, ?> keyFn) {
    return new DefaultPaged<>(pages, keyFn);
  }

  private static final class Deduping<T> implements Iterator<T> {
    private final Iterator<T> source;
    private final Function<? super T, ?> key;
    private final Set<Object> seen = new HashSet<>();
    private T next;
    private boolean ready;

    Deduping(Iterator<T> source, Function<? super T, ?> key) {
      this.source = source;
      this.key = key;
    }

    @Override
    public boolean hasNext() {
      while (!ready && source.hasNext()) {
        T candidate = source.next();
        if (seen.add(key.apply(candidate))) {
          next = candidate;
          ready = true;
        }
      }
      return ready;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ready = false;
      T out = next;
      next = null;
      return out;
    }
  }
}
