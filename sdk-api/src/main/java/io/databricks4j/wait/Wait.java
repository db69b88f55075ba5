package io.databricks4j.wait;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A long-running operation that is polled until it reaches a target state.
 *
 * <p>{@code get} methods block the calling thread; {@link #toFuture()} polls on a shared
 * scheduler instead, so waiting on many operations ties up no thread each.
 *
 * @param <T> what each poll returns (for example the cluster details)
 */
public interface Wait<T> {

  /** Waits up to the operation's default time-out. */
  T get();

  /** Waits up to {@code timeout}. */
  T get(Duration timeout);

  /**
   * Waits up to {@code timeout}, calling {@code onProgress} with every value polled.
   *
   * @throws WaitTimeoutException when the time-out passes first, carrying the last value seen
   * @throws WaitFailedException when the operation reaches a failure state
   */
  T get(Duration timeout, Consumer<T> onProgress);

  /**
   * Polls on a shared scheduler with the default time-out. Cancelling the future stops polling.
   */
  CompletableFuture<T> toFuture();
}
