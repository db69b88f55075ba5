package io.databricks4j.core.wait;

import io.databricks4j.wait.Wait;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Makes {@link Wait}s that poll until a state is reached. */
public final class Waiter {
  private Waiter() {}

  /**
   * A wait that calls {@code poll} until {@code state} of the result is in {@code target}
   * (returned) or in {@code failure} ({@link io.databricks4j.wait.WaitFailedException} with
   * {@code message}). Polls 1 s apart at first, growing to 10 s, with jitter.
   *
   * @param description what is awaited, for messages: {@code cluster 0123-abc to be RUNNING}
   * @param poll fetches the current value; its exceptions end the wait
   * @param state the state of a value: a generated enum (whose string form is its wire value, known
   *     to this SDK or not) or a string; compared by equality or by string form, and reported by
   *     string form in time-out and failure messages
   * @param message the state message of a value, for the failure exception; may return null
   * @param defaultTimeout the time-out of {@link Wait#get()} and {@link Wait#toFuture()}
   */
  public static <T> Wait<T> forStates(String description, Supplier<T> poll, Function<T, ?> state,
      Collection<?> target, Collection<?> failure, Function<T, String> message, Duration defaultTimeout) {
    return forStates(description, poll, state, target, failure, message, defaultTimeout, PollTiming.system());
  }

  static <T> Wait<T> forStates(String description, Supplier<T> poll, Function<T, ?> state,
      Collection<?> target, Collection<?> failure, Function<T, String> message, Duration defaultTimeout,
      PollTiming timing) {
    if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
      throw new IllegalArgumentException("defaultTimeout must be positive, got " + defaultTimeout);
    }
    return new StateWait<>(description, poll, state, List.copyOf(target), List.copyOf(failure), message,
        defaultTimeout, timing);
  }
}
