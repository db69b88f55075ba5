package io.databricks4j.wait;

import io.databricks4j.wait.Wait;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A long-running operation: the response of the call that started it, and the {@link Wait} for
 * its end. {@code clusters().create(...).response()} has the cluster id at once;
 * {@code .get()} waits until it runs.
 *
 * @param <R> the response of the starting call
 * @param <T> what each poll returns
 */
public final class LongRunning<R, T> implements Wait<T> {
  private final R response;
  private final Wait<T> wait;

  private LongRunning(R response, Wait<T> wait) {
    this.response = response;
    this.wait = Objects.requireNonNull(wait, "wait");
  }

  public static <R, T> LongRunning<R, T> of(R response, Wait<T> wait) {
    return new LongRunning<>(response, wait);
  }

  /** The response of the call that started the operation. */
  public R response() {
    return response;
  }

  @Override
  public T get() {
    return wait.get();
  }

  @Override
  public T get(Duration timeout) {
    return wait.get(timeout);
  }

  @Override
  public T get(Duration timeout, Consumer<T> onProgress) {
    return wait.get(timeout, onProgress);
  }

  @Override
  public CompletableFuture<T> toFuture() {
    return wait.toFuture();
  }
}
