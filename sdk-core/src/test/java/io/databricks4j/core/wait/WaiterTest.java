package io.databricks4j.core.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.core.retry.FakeTime;
import io.databricks4j.wait.LongRunning;
import io.databricks4j.wait.Wait;
import io.databricks4j.wait.WaitFailedException;
import io.databricks4j.wait.WaitTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WaiterTest {
  enum State { PENDING, RUNNING, ERROR }

  record Cluster(String id, State state, String message) {}

  private final FakeTime time = new FakeTime();

  private static Supplier<Cluster> states(State... states) {
    Iterator<State> it = List.of(states).iterator();
    State[] last = {null};
    return () -> {
      if (it.hasNext()) {
        last[0] = it.next();
      }
      return new Cluster("c1", last[0], "state " + last[0]);
    };
  }

  private Wait<Cluster> wait(Supplier<Cluster> poll, PollTiming timing) {
    return Waiter.forStates("cluster c1 to be RUNNING", poll, Cluster::state, Set.of(State.RUNNING),
        Set.of(State.ERROR), Cluster::message, Duration.ofMinutes(20), timing);
  }

  private PollTiming fake() {
    return new PollTiming(time, time.sleeper(), PollTiming.POLL_BACKOFF, null);
  }

  @Test
  void pollsWithGrowingCappedPausesUntilTheTargetState() {
    List<State> seen = new ArrayList<>();
    Cluster c = wait(states(State.PENDING, State.PENDING, State.PENDING, State.RUNNING), fake())
        .get(Duration.ofMinutes(5), v -> seen.add(v.state()));
    assertThat(c.state()).isEqualTo(State.RUNNING);
    assertThat(seen).containsExactly(State.PENDING, State.PENDING, State.PENDING, State.RUNNING);
    assertThat(time.sleeps()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(time.sleeps().get(i).toMillis()).isBetween((i + 1) * 1000L, (i + 1) * 1000L + 750);
    }
  }

  @Test
  void timesOutCarryingTheLastStateSeenWithPausesCappedAtTenSeconds() {
    assertThatThrownBy(() -> wait(states(State.PENDING), fake()).get(Duration.ofMinutes(2)))
        .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
          assertThat(e.lastState()).contains("PENDING");
          assertThat(e.lastSeen()).hasValueSatisfying(v -> assertThat(((Cluster) v).id()).isEqualTo("c1"));
          assertThat(e.getMessage()).contains("cluster c1 to be RUNNING");
        });
    assertThat(time.sleeps()).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(10_750)));
    assertThat(time.sleeps().subList(9, time.sleeps().size() - 1))
        .allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(10)));
  }

  @Test
  void aFailureStateEndsTheWait() {
    assertThatThrownBy(() -> wait(states(State.PENDING, State.ERROR), fake()).get())
        .isInstanceOfSatisfying(WaitFailedException.class, e -> {
          assertThat(e.state()).isEqualTo("ERROR");
          assertThat(e.getMessage()).contains("state ERROR");
        });
  }

  /** Like a generated open enum: equal by value, and its string form is the value on the wire. */
  record OpenState(String value) {
    @Override
    public String toString() {
      return value;
    }
  }

  record Warehouse(OpenState state) {}

  @Test
  void aStateTheSdkDoesNotKnowIsReportedRawInProgressAndInTheTimeOut() {
    List<String> seen = new ArrayList<>();
    Wait<Warehouse> w = Waiter.forStates("warehouse w1 to be RUNNING", () -> new Warehouse(new OpenState("HIBERNATING")),
        Warehouse::state, List.of(new OpenState("RUNNING")), List.of(new OpenState("FAILED")), v -> null,
        Duration.ofMinutes(20), fake());
    assertThatThrownBy(() -> w.get(Duration.ofSeconds(30), v -> seen.add(String.valueOf(v.state()))))
        .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
          assertThat(e.lastState()).contains("HIBERNATING");
          assertThat(e.getMessage()).contains("last state: HIBERNATING");
        });
    assertThat(seen).isNotEmpty().containsOnly("HIBERNATING");
  }

  @Test
  void aFailureStateIsNamedByItsWireValue() {
    Wait<Warehouse> w = Waiter.forStates("warehouse w1 to be RUNNING", () -> new Warehouse(new OpenState("DELETED")),
        Warehouse::state, List.of(new OpenState("RUNNING")), List.of(new OpenState("DELETED")), v -> "gone",
        Duration.ofMinutes(20), fake());
    assertThatThrownBy(w::get).isInstanceOfSatisfying(WaitFailedException.class, e -> {
      assertThat(e.state()).isEqualTo("DELETED");
      assertThat(e.getMessage()).contains("failure state DELETED: gone");
    });
  }

  @Test
  void statesMatchByNameToo() {
    Wait<Cluster> w = Waiter.forStates("c1", states(State.RUNNING), Cluster::state, Set.of("RUNNING"), Set.of(),
        Cluster::message, Duration.ofMinutes(1), fake());
    assertThat(w.get().state()).isEqualTo(State.RUNNING);
  }

  @Test
  void toFuturePollsOnTheSharedSchedulerAndCompletes() throws Exception {
    PollTiming quick = new PollTiming(Clock.systemUTC(), d -> { }, (n, ra) -> Duration.ofMillis(1),
        PollTiming.system().scheduler());
    CompletableFuture<Cluster> f = wait(states(State.PENDING, State.PENDING, State.RUNNING), quick).toFuture();
    assertThat(f.get(10, TimeUnit.SECONDS).state()).isEqualTo(State.RUNNING);
    CompletableFuture<Cluster> failed = wait(states(State.ERROR), quick).toFuture();
    assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(WaitFailedException.class);
  }

  @Test
  void cancellingTheFutureStopsPolling() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    CompletableFuture<Boolean> firstPoll = new CompletableFuture<>();
    PollTiming quick = new PollTiming(Clock.systemUTC(), d -> { }, (n, ra) -> Duration.ofMillis(5),
        PollTiming.system().scheduler());
    CompletableFuture<Cluster> f = wait(() -> {
      polls.incrementAndGet();
      firstPoll.complete(true);
      return new Cluster("c1", State.PENDING, "");
    }, quick).toFuture();
    firstPoll.get(10, TimeUnit.SECONDS);
    f.cancel(true);
    assertThatThrownBy(f::join).isInstanceOf(CancellationException.class);
    int after = polls.get();
    // the scheduler runs tasks in order: once this no-op ran, any poll already queued has run too
    PollTiming.system().scheduler().schedule(() -> { }, 20, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
    assertThat(polls.get()).isLessThanOrEqualTo(after + 1);
  }

  @Test
  void longRunningKeepsTheFirstResponse() {
    LongRunning<String, Cluster> op = LongRunning.of("c1", wait(states(State.RUNNING), fake()));
    assertThat(op.response()).isEqualTo("c1");
    assertThat(op.get().state()).isEqualTo(State.RUNNING);
  }
}
