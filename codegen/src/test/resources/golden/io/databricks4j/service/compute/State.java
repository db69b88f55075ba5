package io.databricks4j.service.compute;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.processing.Generated;

/**
 * Enum {@code compute.State}: {@code ERROR}, {@code PENDING}, {@code RESIZING}, {@code
 * RESTARTING}, {@code RUNNING}, {@code TERMINATED}, {@code TERMINATING}, {@code UNKNOWN}, or a
 * value
 * added to the API later, which is kept as it was read. Compare with {@code equals}; {@code
 * switch} on
 * {@link #known()}.
 */
@Generated("io.databricks4j.codegen")
public final class State {
  public static final State ERROR = new State("ERROR", Known.ERROR);

  public static final State PENDING = new State("PENDING", Known.PENDING);

  public static final State RESIZING = new State("RESIZING", Known.RESIZING);

  public static final State RESTARTING = new State("RESTARTING", Known.RESTARTING);

  public static final State RUNNING = new State("RUNNING", Known.RUNNING);

  public static final State TERMINATED = new State("TERMINATED", Known.TERMINATED);

  public static final State TERMINATING = new State("TERMINATING", Known.TERMINATING);

  public static final State UNKNOWN = new State("UNKNOWN", Known.UNKNOWN);

  private static final List<State> values = List.of(ERROR, PENDING, RESIZING, RESTARTING, RUNNING,
      TERMINATED, TERMINATING, UNKNOWN);

  private static final Map<String, State> byValue = values.stream()
      .collect(Collectors.toUnmodifiableMap(State::value, v -> v));

  private final String value;

  private final Known known;

  private State(String value, Known known) {
    this.value = value;
    this.known = known;
  }

  /**
   * The value {@code value}: a constant when it is known, else a new value that keeps it.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static State of(String value) {
    Objects.requireNonNull(value, "value");
    State found = byValue.get(value);
    return found != null ? found : new State(value, null);
  }

  /**
   * The value on the wire.
   */
  @JsonValue
  public String value() {
    return value;
  }

  /**
   * The value as a {@link Known} constant to {@code switch} on; empty for a value this SDK does
   * not know.
   */
  public Optional<Known> known() {
    return Optional.ofNullable(known);
  }

  /**
   * The values this SDK knows, in the order of the API description.
   */
  public static List<State> values() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof State && ((State) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /**
   * The value on the wire, known or not.
   */
  @Override
  public String toString() {
    return value;
  }

  /**
   * The values of {@link State} this SDK knows, for {@code switch}.
   */
  public enum Known {
    ERROR,

    PENDING,

    RESIZING,

    RESTARTING,

    RUNNING,

    TERMINATED,

    TERMINATING,

    UNKNOWN
  }
}
