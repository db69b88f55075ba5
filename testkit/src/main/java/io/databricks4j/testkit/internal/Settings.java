package io.databricks4j.testkit.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * What a local workspace is started with; resolved once by a public builder.
 *
 * @param bindAddress the address to listen on; the loopback address when null
 * @param port 0 for a free port
 * @param pageSize the largest page a list answers
 * @param clusterStartDelay how long clusters, warehouses and workspaces take to change state
 * @param runDuration how long a job task run takes from PENDING to TERMINATED
 * @param threads request threads
 * @param oauthTokenLifetime how long an OAuth access token it issues is valid
 * @param stateDirectory where state is kept across restarts, or null to keep it in memory only
 * @param journalSize the most requests the journal keeps
 */
public record Settings(String bindAddress, int port, int pageSize, Duration clusterStartDelay, Duration runDuration,
    String token, String accountId, String userName, Clock clock, int threads, Duration oauthTokenLifetime,
    Path stateDirectory, int journalSize) {

  /** The account id a workspace answers to unless told otherwise. */
  public static final String DEFAULT_ACCOUNT_ID = "6f2b3c1e-8d4a-4c7b-9e15-0a1b2c3d4e5f";
  /** The user every token of the workspace belongs to unless told otherwise. */
  public static final String DEFAULT_USER = "testkit-user@example.com";

  public static Builder builder() {
    return new Builder();
  }

  /** Settings checked one by one, with defaults fit for tests. */
  public static final class Builder {
    private String bindAddress;
    private int port;
    private int pageSize = 3;
    private Duration clusterStartDelay = Duration.ofMillis(200);
    private Duration runDuration = Duration.ofMillis(400);
    private String token;
    private String accountId = DEFAULT_ACCOUNT_ID;
    private String userName = DEFAULT_USER;
    private Clock clock = Clock.systemUTC();
    private int threads = 64;
    private Duration oauthTokenLifetime = Duration.ofHours(1);
    private Path stateDirectory;
    private int journalSize = 1000;

    private Builder() {
    }

    public Builder bindAddress(String address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    public Builder clusterStartDelay(Duration delay) {
      this.clusterStartDelay = nonNegative(delay, "clusterStartDelay");
      return this;
    }

    public Builder runDuration(Duration duration) {
      this.runDuration = nonNegative(duration, "runDuration");
      return this;
    }

    public Builder token(String token) {
      Objects.requireNonNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("token must not be blank");
      }
      this.token = token;
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    public Builder userName(String userName) {
      this.userName = Objects.requireNonNull(userName, "userName");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    public Builder oauthTokenLifetime(Duration lifetime) {
      this.oauthTokenLifetime = nonNegative(lifetime, "oauthTokenLifetime");
      return this;
    }

    public Builder stateDirectory(Path directory) {
      this.stateDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    public Builder journalSize(int size) {
      if (size < 0) {
        throw new IllegalArgumentException("journalSize must not be negative, got " + size);
      }
      this.journalSize = size;
      return this;
    }

    /** The settings; a random {@code dapi...} token when none was given. */
    public Settings build() {
      String pat = token != null ? token : "dapi" + UUID.randomUUID().toString().replace("-", "");
      return new Settings(bindAddress, port, pageSize, clusterStartDelay, runDuration, pat, accountId, userName, clock,
          threads, oauthTokenLifetime, stateDirectory, journalSize);
    }

    private static Duration nonNegative(Duration d, String name) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }
}
