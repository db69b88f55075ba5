package io.databricks4j.mixin.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Walks a tree depth-first, listing a directory only when the walk reaches it: each entry is
 * returned, then, when it is a directory, its contents.
 */
public final class TreeIterator<T> implements Iterator<T> {
  private final Function<String, ? extends Iterable<T>> list;
  private final Function<T, String> directoryOf;
  private final Deque<Iterator<T>> stack = new ArrayDeque<>();

  /**
   * @param list lists one directory
   * @param directoryOf the path to descend into for an entry that is a directory, else null
   */
  public TreeIterator(String root, Function<String, ? extends Iterable<T>> list, Function<T, String> directoryOf) {
    this.list = list;
    this.directoryOf = directoryOf;
    stack.push(list.apply(root).iterator());
  }

  @Override
  public boolean hasNext() {
    while (!stack.isEmpty()) {
      if (stack.peek().hasNext()) {
        return true;
      }
      stack.pop();
    }
    return false;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T item = stack.peek().next();
    String dir = directoryOf.apply(item);
    if (dir != null) {
      stack.push(list.apply(dir).iterator());
    }
    return item;
  }
}
