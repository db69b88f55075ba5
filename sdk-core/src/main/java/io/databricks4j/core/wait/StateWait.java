package io.databricks4j.core.wait;

import io.databricks4j.wait.Wait;
import io.databricks4j.wait.WaitFailedException;
import io.databricks4j.wait.WaitTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Polls until the state of the polled value is a target (done) or a failure (thrown). A state is
 * named by its string form, the wire value for a generated enum, so a state added to the API after
 * this SDK was built is reported as the service sent it; it settles nothing, so the wait goes on.
 */
final class StateWait<T> implements Wait<T> {
  private final String description;
  private final Supplier<T> poll;
  private final Function<T, ?> state;
  private final Collection<?> target;
  private final Collection<?> failure;
  private final Function<T, String> message;
  private final Duration defaultTimeout;
  private final PollTiming timing;

  StateWait(String description, Supplier<T> poll, Function<T, ?> state, Collection<?> target,
      Collection<?> failure, Function<T, String> message, Duration defaultTimeout, PollTiming timing) {
    this.description = description;
    this.poll = poll;
    this.state = state;
    this.target = target;
    this.failure = failure;
    this.message = message;
    this.defaultTimeout = defaultTimeout;
    this.timing = timing;
  }

  @Override
  public T get() {
    return get(defaultTimeout);
  }

  @Override
  public T get(Duration timeout) {
    return get(timeout, v -> { });
  }

  @Override
  public T get(Duration timeout, Consumer<T> onProgress) {
    long deadline = timing.clock().millis() + timeout.toMillis();
    String lastState = null;
    T last = null;
    for (int polls = 1; ; polls++) {
      last = poll.get();
      Object s = state.apply(last);
      lastState = s == null ? null : String.valueOf(s);
      onProgress.accept(last);
      if (settled(last, s)) {
        return last;
      }
      long remaining = deadline - timing.clock().millis();
      if (remaining <= 0) {
        throw new WaitTimeoutException(description, timeout, lastState, last);
      }
      timing.sleeper().sleep(min(timing.backoff().delay(polls, Duration.ZERO), remaining));
    }
  }

  /** True at a target state; throws at a failure state. */
  private boolean settled(T value, Object s) {
    if (s == null) {
      return false;
    }
    if (contains(target, s)) {
      return true;
    }
    if (contains(failure, s)) {
      throw new WaitFailedException(description, String.valueOf(s), message.apply(value), value);
    }
    return false;
  }

  private static boolean contains(Collection<?> states, Object s) {
    String name = String.valueOf(s);
    return states.contains(s) || states.stream().anyMatch(x -> String.valueOf(x).equals(name));
  }

  private static Duration min(Duration d, long remainingMillis) {
    return d.toMillis() > remainingMillis ? Duration.ofMillis(remainingMillis) : d;
  }

  @Override
  public CompletableFuture<T> toFuture() {
    CompletableFuture<T> future = new CompletableFuture<>();
    AtomicReference<Future<?>> scheduled = new AtomicReference<>();
    long deadline = timing.clock().millis() + defaultTimeout.toMillis();
    Runnable task = new Runnable() {
      private int polls;

      @Override
      public void run() {
        if (future.isDone()) {
          return;
        }
        try {
          T value = poll.get();
          polls++;
          Object s = state.apply(value);
          if (settled(value, s)) {
            future.complete(value);
            return;
          }
          long remaining = deadline - timing.clock().millis();
          if (remaining <= 0) {
            future.completeExceptionally(new WaitTimeoutException(description, defaultTimeout,
                s == null ? null : String.valueOf(s), value));
            return;
          }
          long delay = min(timing.backoff().delay(polls, Duration.ZERO), remaining).toMillis();
          if (!future.isDone()) {
            scheduled.set(timing.scheduler().schedule(this, delay, TimeUnit.MILLISECONDS));
          }
        } catch (RuntimeException | Error e) {
          future.completeExceptionally(e);
        }
      }
    };
    future.whenComplete((v, e) -> {
      Future<?> f = scheduled.get();
      if (f != null) {
        f.cancel(false);
      }
    });
    scheduled.set(timing.scheduler().submit(task));
    return future;
  }
}
