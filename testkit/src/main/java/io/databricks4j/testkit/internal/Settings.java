package io.databricks4j.testkit.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * What a local workspace is started with; resolved once by the public builder.
 *
 * @param port 0 for a free port
 * @param pageSize the largest page a list answers
 * @param clusterStartDelay how long clusters, warehouses and workspaces take to change state
 * @param runDuration how long a job task run takes from PENDING to TERMINATED
 * @param threads request threads
 * @param oauthTokenLifetime how long an OAuth access token it issues is valid
 */
public record Settings(int port, int pageSize, Duration clusterStartDelay, Duration runDuration, String token,
    String accountId, String userName, Clock clock, int threads, Duration oauthTokenLifetime) {
}
