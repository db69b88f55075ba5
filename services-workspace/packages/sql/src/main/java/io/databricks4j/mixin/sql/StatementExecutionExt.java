package io.databricks4j.mixin.sql;

import io.databricks4j.core.ApiClient;
import io.databricks4j.service.sql.ExecuteStatementRequest;
import io.databricks4j.service.sql.StatementExecutionApi;
import io.databricks4j.service.sql.StatementResponse;
import io.databricks4j.service.sql.StatementState;
import io.databricks4j.wait.WaitTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * Statement Execution, plus running a statement to its end and reading its rows typed.
 *
 * <pre>{@code
 * StatementResult r = w.statementExecution().executeAndWait(ExecuteStatementRequest.builder()
 *     .warehouseId(id).statement("SELECT name, price FROM shop.sales.items WHERE price > :min")
 *     .parameters(List.of(StatementParameterListItem.builder().name("min").value("10").typeValue("DECIMAL(10,2)").build()))
 *     .build());
 * for (StatementRow row : r) {
 *   BigDecimal price = row.get("price", BigDecimal.class);
 * }
 * }</pre>
 */
public class StatementExecutionExt extends StatementExecutionApi {
  /** How long {@link #executeAndWait(ExecuteStatementRequest)} waits at most. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(20);

  private static final Duration FIRST_POLL = Duration.ofMillis(50);
  private static final Duration LAST_POLL = Duration.ofSeconds(2);

  public StatementExecutionExt(ApiClient api) {
    super(api);
  }

  /** {@link #executeAndWait(ExecuteStatementRequest, Duration)} for up to 20 minutes. */
  public StatementResult executeAndWait(ExecuteStatementRequest request) {
    return executeAndWait(request, DEFAULT_TIMEOUT);
  }

  /**
   * Executes a statement and polls it until it ends.
   *
   * @return its result, whose rows are fetched chunk by chunk as they are read
   * @throws StatementFailedException when it fails, is cancelled or is closed
   * @throws WaitTimeoutException when it does not end within {@code timeout}; it is cancelled then
   */
  public StatementResult executeAndWait(ExecuteStatementRequest request, Duration timeout) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(timeout, "timeout");
    long deadline = System.nanoTime() + timeout.toNanos();
    StatementResponse response = executeStatement(request);
    Duration pause = FIRST_POLL;
    while (!ended(response)) {
      if (System.nanoTime() >= deadline) {
        cancelExecution(response.statementId());
        throw new WaitTimeoutException("statement " + response.statementId() + " to end", timeout,
            state(response).value(), response);
      }
      sleep(pause, deadline);
      pause = pause.multipliedBy(2).compareTo(LAST_POLL) > 0 ? LAST_POLL : pause.multipliedBy(2);
      response = getStatement(response.statementId());
    }
    return result(response);
  }

  /**
   * The typed result of a SUCCEEDED response of {@link #executeStatement} or {@link #getStatement}.
   *
   * @throws StatementFailedException when the statement did not succeed
   */
  public StatementResult result(StatementResponse response) {
    Objects.requireNonNull(response, "response");
    if (state(response) != StatementState.SUCCEEDED) {
      throw StatementFailedException.of(response);
    }
    return new StatementResult(this, response);
  }

  private static boolean ended(StatementResponse r) {
    StatementState s = state(r);
    return s != StatementState.PENDING && s != StatementState.RUNNING;
  }

  private static StatementState state(StatementResponse r) {
    return r.status() == null || r.status().state() == null ? StatementState.PENDING : r.status().state();
  }

  private static void sleep(Duration pause, long deadline) {
    long millis = Math.min(pause.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a statement", e);
    }
  }
}
