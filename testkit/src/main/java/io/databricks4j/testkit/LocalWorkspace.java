package io.databricks4j.testkit;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.account.AccountClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.Environment;
import io.databricks4j.testkit.internal.EmulatorServer;
import io.databricks4j.testkit.internal.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An embedded, stateful Databricks workspace and account on 127.0.0.1: clusters, jobs, DBFS, the
 * Files API, workspace objects, secrets, tokens, SCIM, repos, SQL warehouses, Unity Catalog,
 * account workspaces and identities, OAuth app integrations and an OAuth server, by hand-written
 * emulations; every other operation of the API description by a generic engine driven by the
 * description, but for the few that answer 501 NOT_IMPLEMENTED saying why (see
 * {@code docs/emulator-coverage.md}); an unknown path answers 404 ENDPOINT_NOT_FOUND. A new
 * workspace has the catalog {@code main} and the schema {@code main.default}; the Files API serves
 * paths in existing volumes only.
 *
 * <pre>{@code
 * try (LocalWorkspace ws = LocalWorkspace.start(); WorkspaceClient w = ws.client()) {
 *   w.clusters().createAndWait(CreateCluster.builder().sparkVersion("15.4.x-scala2.12").numWorkers(1L).build());
 * }
 * }</pre>
 *
 * <p>Resources change state on their own after {@link Builder#clusterStartDelay}; lists answer
 * at most {@link Builder#pageSize} items a page so that pagination is always exercised.
 *
 * <p>It is the one class of this package that needs the SDK (for {@link #client()} and
 * {@link #accountClient()}); {@link Emulator} runs the same workspace on Jackson alone.
 */
public final class LocalWorkspace implements AutoCloseable {
  /** The account id a workspace answers to unless told otherwise. */
  public static final String DEFAULT_ACCOUNT_ID = Settings.DEFAULT_ACCOUNT_ID;
  /** The user every token of the workspace belongs to unless told otherwise. */
  public static final String DEFAULT_USER = Settings.DEFAULT_USER;

  private final EmulatorServer server;
  private final Settings settings;
  private final FaultPlan faults;

  private LocalWorkspace(Settings settings) {
    this.settings = settings;
    this.server = new EmulatorServer(settings);
    this.faults = new FaultPlan(server.faults());
  }

  /** A workspace on a free port with the default settings. */
  public static LocalWorkspace start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String host() {
    return server.host();
  }

  public int port() {
    return server.port();
  }

  /** A personal access token the workspace accepts as {@code Authorization: Bearer <token>}. */
  public String token() {
    return settings.token();
  }

  /** The id of the account; account APIs are served under {@code /api/2.0/accounts/<id>/}. */
  public String accountId() {
    return settings.accountId();
  }

  /** The user name of {@link #token()}, which {@code /api/2.0/preview/scim/v2/Me} answers to that token. */
  public String userName() {
    return settings.userName();
  }

  /** The faults injected into requests; empty at start. */
  public FaultPlan faults() {
    return faults;
  }

  /** Registers an OAuth client that the client_credentials and authorization_code grants accept. */
  public LocalWorkspace oauthClient(String clientId, String clientSecret) {
    server.oauth().registerClient(Objects.requireNonNull(clientId, "clientId"),
        Objects.requireNonNull(clientSecret, "clientSecret"));
    return this;
  }

  /** Registers an ID token (any string, typically a JWT) that the token-exchange grant accepts. */
  public LocalWorkspace trustIdToken(String idToken) {
    server.oauth().registerIdToken(Objects.requireNonNull(idToken, "idToken"));
    return this;
  }

  /**
   * A configuration of this workspace with its token, isolated from the {@code DATABRICKS_*}
   * variables and the {@code ~/.databrickscfg} of the machine, to adjust before building a client
   * (retry timeout, rate limit, another credential).
   */
  public DatabricksConfig.Builder configBuilder() {
    return DatabricksConfig.builder()
        .host(host())
        .token(token())
        .authType("pat")
        .environment(Environment.of(Map.of(), Path.of(System.getProperty("java.io.tmpdir"), "databricks4j-testkit-home")));
  }

  /** A new workspace client of this workspace, authenticated with {@link #token()}; close it after use. */
  public WorkspaceClient client() {
    return new WorkspaceClient(configBuilder().build());
  }

  /** A new account client of this workspace's account, authenticated with {@link #token()}; close it after use. */
  public AccountClient accountClient() {
    return new AccountClient(configBuilder().accountId(accountId()).build());
  }

  /** The OAuth metadata URL of the workspace. */
  public String oidcDiscoveryUrl() {
    return host() + "/oidc/.well-known/oauth-authorization-server";
  }

  /**
   * Puts the workspace back in the state it started in: every resource, file, token and OAuth
   * client made since is gone, the fault plan and the journal are cleared. Host, port and
   * {@link #token()} stay, so clients keep working. With a state directory, the directory is
   * emptied too. Meant for between tests; requests served meanwhile may see part of either state.
   */
  public void reset() {
    server.reset();
  }

  /** The requests answered since the start or the last {@link #clearJournal()}, oldest first. */
  public List<RecordedRequest> journal() {
    return server.journal().entries().stream().map(e -> new RecordedRequest(e.sequence(),
        Instant.ofEpochMilli(e.timeMillis()), e.method(), e.path(), e.query(), e.status(), e.operation(),
        Duration.ofMillis(e.durationMillis()))).toList();
  }

  public void clearJournal() {
    server.journal().clear();
  }

  /** The directory the state is kept in, if the workspace was started with one. */
  public Optional<Path> stateDirectory() {
    return Optional.ofNullable(server.state().directory());
  }

  /** The server, for tests of the testkit. */
  EmulatorServer server() {
    return server;
  }

  /** How many requests failed inside the emulator with a 500; a bug of the testkit when not 0. */
  public long internalErrors() {
    return server.internalErrors();
  }

  /**
   * Stops the server and deletes the temporary files it stored; a {@linkplain Builder#stateDirectory state
   * directory} keeps the state for the next start. Idempotent.
   */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "LocalWorkspace{host=" + host() + ", accountId=" + accountId() + "}";
  }

  /** Settings of a {@link LocalWorkspace}; every one has a default fit for tests. */
  public static final class Builder {
    private final Settings.Builder settings = Settings.builder();

    private Builder() {
    }

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      settings.port(port);
      return this;
    }

    /** The most items a list answers per page (3 by default); a client may ask for fewer. */
    public Builder pageSize(int pageSize) {
      settings.pageSize(pageSize);
      return this;
    }

    /** How long clusters, warehouses and account workspaces take to change state; 200 ms by default. */
    public Builder clusterStartDelay(Duration delay) {
      settings.clusterStartDelay(delay);
      return this;
    }

    /** How long a job task run takes: PENDING for half, RUNNING for the other half; 400 ms by default. */
    public Builder runDuration(Duration duration) {
      settings.runDuration(duration);
      return this;
    }

    /** The personal access token to accept; a random {@code dapi...} one by default. */
    public Builder token(String token) {
      settings.token(token);
      return this;
    }

    public Builder accountId(String accountId) {
      settings.accountId(accountId);
      return this;
    }

    public Builder userName(String userName) {
      settings.userName(userName);
      return this;
    }

    /** The clock of timestamps and state changes; a test may step a clock of its own. */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /** Requests served at once (64 by default); more wait in a queue. */
    public Builder threads(int threads) {
      settings.threads(threads);
      return this;
    }

    /** How long the OAuth access tokens it issues are valid; one hour by default. */
    public Builder oauthTokenLifetime(Duration lifetime) {
      settings.oauthTokenLifetime(lifetime);
      return this;
    }

    /**
     * Keeps the state in {@code directory} (created when absent) across restarts: a workspace
     * started on a directory that holds state carries on from it, with clusters, runs and
     * warehouses moving on from where they were. Without one the state lives in memory only.
     */
    public Builder stateDirectory(Path directory) {
      settings.stateDirectory(directory);
      return this;
    }

    /** The most requests {@link LocalWorkspace#journal()} keeps (1000 by default); the oldest go first. */
    public Builder journalSize(int size) {
      settings.journalSize(size);
      return this;
    }

    /** Starts a workspace; each call starts another. */
    public LocalWorkspace start() {
      return new LocalWorkspace(settings.build());
    }
  }
}
