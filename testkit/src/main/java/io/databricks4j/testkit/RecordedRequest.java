package io.databricks4j.testkit;

import java.time.Duration;
import java.time.Instant;

/**
 * A request the local workspace answered, as its journal keeps it: what was called, not what was
 * sent (headers and bodies carry tokens and secrets and are not kept).
 *
 * @param sequence increases by one per request since the start, across clears
 * @param query the raw query string, empty when there is none
 * @param status the HTTP status answered; 0 when the connection was dropped without an answer
 * @param operation the operation of the API description ({@code Clusters.create}), empty for a
 *     path that is none (OAuth, an unknown path)
 */
public record RecordedRequest(long sequence, Instant time, String method, String path, String query, int status,
    String operation, Duration duration) {
}
