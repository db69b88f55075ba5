package io.databricks4j.http;

import java.io.IOException;

/**
 * Behaviour added around the requests of a client: a header, a metric, a trace span. A policy sees
 * the request, the response and the failure of what it wraps: {@code chain.proceed(request)} sends
 * the request on (possibly changed) and returns the response or throws.
 *
 * <p>Where it sits is its {@link #position()}:
 * <pre>
 * call ─► user agent ─► PER_CALL policies ─► retry
 *            └─ each attempt ─► rate limit ─► auth headers ─► PER_ATTEMPT policies ─► log ─► transport
 * </pre>
 * A {@code PER_CALL} policy runs once per call and sees the final outcome: the successful
 * response, or the {@link io.databricks4j.error.DatabricksError} or {@link
 * io.databricks4j.error.DatabricksException} the call ends with. A {@code PER_ATTEMPT} policy runs
 * for every attempt and sees each answer, error statuses included, before they are classified. For
 * a call whose answer is decoded (most operations) the body is read after the attempt's policies
 * return; a policy that must see the body's end wraps {@link HttpResponse#body()}.
 *
 * <p>Add one with the client builder's {@code policy(...)}, or from a module by registering it in
 * {@code META-INF/services/io.databricks4j.http.HttpPolicy}. Implementations are thread-safe and do
 * not swallow failures they do not understand.
 */
@FunctionalInterface
public interface HttpPolicy {

  /** Where a policy runs. */
  enum Position {
    /** Once per call, outside the retries. */
    PER_CALL,
    /** On every attempt, inside the retries, after the authentication headers are set. */
    PER_ATTEMPT
  }

  /** {@link Position#PER_ATTEMPT} unless overridden. */
  default Position position() {
    return Position.PER_ATTEMPT;
  }

  /**
   * Handles {@code request}: typically changes it, calls {@code chain.proceed}, looks at the
   * outcome and returns it.
   */
  HttpResponse process(HttpRequest request, Chain chain) throws IOException;

  /** The rest of the pipeline, from the policy's position on. */
  interface Chain {

    /** Sends {@code request} through the rest of the pipeline. */
    HttpResponse proceed(HttpRequest request) throws IOException;

    /** A short id shared by the attempts, log lines and error of one call. */
    String callId();

    /** The attempt, from 1; 0 in a {@link Position#PER_CALL} policy. */
    int attempt();
  }
}
