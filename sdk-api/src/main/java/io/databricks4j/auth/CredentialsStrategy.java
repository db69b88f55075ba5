package io.databricks4j.auth;

import java.util.Optional;

/**
 * A way to authenticate, registered with {@code META-INF/services/io.databricks4j.auth.CredentialsStrategy}
 * (and {@code provides} in {@code module-info}).
 *
 * <p>Selection is deterministic: an explicit strategy object beats {@code auth_type}, which beats
 * {@link #priority()} (lower first, ties broken by {@link #authType()}). Implementations must be
 * cheap to construct and must not do network I/O in {@link #configure(ConfigView)} unless they
 * apply; token fetching belongs in the returned {@link HeaderFactory}, which is called lazily.
 */
public interface CredentialsStrategy {

  /** The user-visible name, equal to the {@code auth_type} word (for example {@code pat}). */
  String authType();

  /** Lower runs first when no {@code auth_type} is given. Defaults to 100. */
  default int priority() {
    return 100;
  }

  /**
   * Whether this strategy is only used when {@code auth_type} names it (for example an
   * interactive browser login). Such a strategy is never tried by default.
   */
  default boolean explicitOnly() {
    return false;
  }

  /**
   * Returns a header factory when this strategy applies to {@code config}, empty otherwise.
   *
   * @throws CredentialsException when the strategy applies but is misconfigured; the message
   *     says what to fix
   */
  Optional<HeaderFactory> configure(ConfigView config);

  /**
   * One line saying what this strategy needs, used to explain why it was skipped (for example
   * {@code "needs host and token"}).
   */
  default String requirement() {
    return "see the documentation of auth_type " + authType();
  }
}
