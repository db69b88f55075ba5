package io.databricks4j.transport.jdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body as an {@link InputStream}, fed by java.net.http one list of buffers at a time
 * (one list in flight, so memory stays bounded whatever the body's size). It replaces
 * {@code BodyHandlers.ofInputStream()}, whose stream on Java 17 swallows an interrupt and keeps
 * waiting: here an interrupted read is an {@link InterruptedIOException} and the flag stays set.
 * Closing before the end cancels the subscription, and java.net.http then closes the connection.
 */
final class BodyStream extends InputStream implements BodySubscriber<InputStream> {
  private static final List<ByteBuffer> END = List.of();

  private final BlockingQueue<List<ByteBuffer>> lists = new ArrayBlockingQueue<>(3);
  private volatile Flow.Subscription subscription;
  private volatile Throwable failure;
  private volatile boolean closed;
  private Iterator<ByteBuffer> list;
  private ByteBuffer buffer;
  private boolean ended;

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedStage(this); // the stream is handed out before the body arrives
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    synchronized (this) {
      if (subscription != null || closed) {
        s.cancel();
        return;
      }
      subscription = s;
    }
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    if (!lists.offer(item)) {
      onError(new IllegalStateException("java.net.http sent more than the one list of buffers asked for"));
    }
  }

  @Override
  public void onError(Throwable t) {
    failure = Objects.requireNonNull(t);
    lists.offer(END);
  }

  @Override
  public void onComplete() {
    lists.offer(END);
  }

  @Override
  public int read() throws IOException {
    ByteBuffer b = current();
    return b == null ? -1 : b.get() & 0xff;
  }

  @Override
  public int read(byte[] bytes, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, bytes.length);
    if (len == 0) {
      return 0;
    }
    ByteBuffer b = current();
    if (b == null) {
      return -1;
    }
    int n = Math.min(len, b.remaining());
    b.get(bytes, off, n);
    return n;
  }

  @Override
  public int available() {
    ByteBuffer b = buffer;
    return closed || b == null ? 0 : b.remaining();
  }

  /** The buffer to read from, waiting for the next list when this one is used up; null at the end. */
  private ByteBuffer current() throws IOException {
    while (buffer == null || !buffer.hasRemaining()) {
      failIfDone();
      if (ended) {
        return null;
      }
      if (list != null && list.hasNext()) {
        buffer = list.next();
        continue;
      }
      List<ByteBuffer> next;
      try {
        next = lists.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for response bytes");
      }
      if (next == END) {
        failIfDone();
        ended = true;
        return null;
      }
      list = next.iterator();
      Flow.Subscription s = subscription;
      if (s != null) {
        s.request(1);
      }
    }
    return buffer;
  }

  private void failIfDone() throws IOException {
    if (closed) {
      throw new IOException("the response body is closed");
    }
    Throwable t = failure;
    if (t != null) {
      throw t instanceof IOException io ? io : new IOException(t); // an EOFException stays one
    }
  }

  @Override
  public void close() {
    Flow.Subscription s;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      s = subscription;
    }
    if (s != null && !ended) {
      s.cancel();
    }
    lists.offer(END); // wakes a reader blocked in another thread
  }
}
