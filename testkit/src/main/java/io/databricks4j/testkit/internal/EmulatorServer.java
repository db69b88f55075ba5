package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.databricks4j.testkit.internal.generic.GenericEmulation;
import io.databricks4j.testkit.internal.generic.NotEmulated;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Handler;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import io.databricks4j.testkit.internal.service.AccountWorkspaces;
import io.databricks4j.testkit.internal.service.ClusterPolicies;
import io.databricks4j.testkit.internal.service.Clusters;
import io.databricks4j.testkit.internal.service.Dbfs;
import io.databricks4j.testkit.internal.service.Emulation;
import io.databricks4j.testkit.internal.service.Files;
import io.databricks4j.testkit.internal.service.InstancePools;
import io.databricks4j.testkit.internal.service.Jobs;
import io.databricks4j.testkit.internal.service.JobsVersions;
import io.databricks4j.testkit.internal.service.Libraries;
import io.databricks4j.testkit.internal.service.OAuth;
import io.databricks4j.testkit.internal.service.OAuthIntegrations;
import io.databricks4j.testkit.internal.service.Permissions;
import io.databricks4j.testkit.internal.service.Repos;
import io.databricks4j.testkit.internal.service.ScimDirectory;
import io.databricks4j.testkit.internal.service.Secrets;
import io.databricks4j.testkit.internal.service.ServicePrincipalSecrets;
import io.databricks4j.testkit.internal.service.ServingDataPlane;
import io.databricks4j.testkit.internal.service.Statements;
import io.databricks4j.testkit.internal.service.Tokens;
import io.databricks4j.testkit.internal.service.UcGrants;
import io.databricks4j.testkit.internal.service.UnityCatalog;
import io.databricks4j.testkit.internal.service.VolumePaths;
import io.databricks4j.testkit.internal.service.Warehouses;
import io.databricks4j.testkit.internal.service.WorkspaceAdmin;
import io.databricks4j.testkit.internal.service.WorkspaceObjects;
import io.databricks4j.testkit.internal.state.Durable;
import io.databricks4j.testkit.internal.state.Resettable;
import io.databricks4j.testkit.internal.state.ServerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP server of a local workspace: faults, OAuth, authentication, routing by the API
 * description, the emulations, and Databricks-shaped errors for everything else. The server
 * answers every request it can read; a handler's bug is a 500 with its message, never a hang.
 */
public final class EmulatorServer implements AutoCloseable {
  static {
    // without it the JDK server waits for Nagle's algorithm: about 40 ms per keep-alive request
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final System.Logger LOG = System.getLogger(EmulatorServer.class.getName());
  private static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

  private final Settings settings;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Context ctx;
  private final Router router;
  private final Routes routes;
  private final List<Operation> operations;
  private final FaultEngine faults = new FaultEngine();
  private final OAuth oauth;
  private final ServingDataPlane dataPlane;
  private final AccountWorkspaces accountWorkspaces;
  private final ControlEndpoint control;
  private final Statements statements;
  private final AtomicLong internalErrors = new AtomicLong();
  private final java.util.Map<String, String> namesByKey = new java.util.HashMap<>();
  private final SelfCalls self;
  private final GenericEmulation generic;
  private final ServerState state;
  private final Journal journal;

  public EmulatorServer(Settings settings) {
    this.settings = settings;
    ApiDescription description = ApiDescription.load();
    this.operations = description.operations();
    this.router = new Router(operations);
    for (Operation op : operations) {
      // several operations may share a verb and path (resource names tell them apart): name them all
      namesByKey.merge(op.key(), op.qualifiedName(), (a, b) -> a.contains(b) ? a : a + " / " + b);
    }
    try {
      InetAddress address = settings.bindAddress() == null ? InetAddress.getLoopbackAddress()
          : InetAddress.getByName(settings.bindAddress());
      this.server = HttpServer.create(new InetSocketAddress(address, settings.port()), 256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + (settings.bindAddress() == null ? "127.0.0.1"
          : settings.bindAddress()) + ":" + settings.port() + "; choose another port or 0 for a free one", e);
    }
    String host = "http://127.0.0.1:" + server.getAddress().getPort();
    this.ctx = new Context(settings, host);
    Set<String> keys = new HashSet<>();
    operations.forEach(op -> keys.add(op.key()));
    this.routes = new Routes(keys);
    this.oauth = new OAuth(ctx, settings.oauthTokenLifetime());
    this.dataPlane = new ServingDataPlane(ctx);
    oauth.dataPlane(dataPlane);
    this.self = new SelfCalls(router, routes);
    Permissions permissions = new Permissions(ctx, operations);
    VolumePaths volumes = new VolumePaths(ctx, self);
    Clusters clusters = new Clusters(ctx);
    WorkspaceObjects workspace = new WorkspaceObjects(ctx);
    ScimDirectory workspaceDirectory = new ScimDirectory(ctx, "/api/2.0/preview/scim/v2", true);
    ScimDirectory accountDirectory = new ScimDirectory(ctx, "/api/2.0/accounts/{account_id}/scim/v2", false);
    this.accountWorkspaces = new AccountWorkspaces(ctx);
    Warehouses warehouses = new Warehouses(ctx);
    UnityCatalog unityCatalog = new UnityCatalog(ctx);
    this.statements = Statements.create(ctx, warehouses, unityCatalog);
    List<Emulation> emulations = List.of(clusters, new Libraries(clusters), new InstancePools(ctx),
        new ClusterPolicies(ctx), new Jobs(ctx), new Dbfs(ctx), new Files(ctx, volumes), workspace,
        new Repos(ctx, workspace), new Secrets(ctx), new Tokens(ctx), workspaceDirectory, accountDirectory, warehouses,
        unityCatalog, statements, accountWorkspaces, new WorkspaceAdmin(ctx), permissions,
        new OAuthIntegrations(ctx, oauth), new UcGrants(ctx, self, enumValues(description, "catalog.Privilege")),
        new ServicePrincipalSecrets(ctx, oauth, accountDirectory,
            "/api/2.0/accounts/{account_id}/servicePrincipals/{service_principal_id}/credentials/secrets"),
        new ServicePrincipalSecrets(ctx, oauth, workspaceDirectory,
            "/api/2.0/accounts/servicePrincipals/{service_principal_id}/credentials/secrets"));
    emulations.forEach(e -> e.register(routes));
    this.generic = new GenericEmulation(ctx, description, self, permissions);
    generic.register(routes);
    volumes.seed(settings.userName());
    try {
      this.state = state(emulations, settings);
    } catch (RuntimeException e) {
      server.stop(0);
      statements.close();
      ctx.files().close();
      throw e;
    }
    this.journal = new Journal(settings.journalSize());
    this.control = new ControlEndpoint(faults, oauth, journal, this::reset, this::health);
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads = r -> {
      Thread t = new Thread(r, "testkit-" + server.getAddress().getPort() + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.executor = Executors.newFixedThreadPool(settings.threads(), threads);
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
  }

  /**
   * The records of the fresh workspace, restored from the state directory if it holds some: the
   * context's ids, tokens and files first, then every emulation that keeps any.
   */
  private ServerState state(List<Emulation> emulations, Settings settings) {
    List<Object> parts = new ArrayList<>(emulations);
    parts.add(generic);
    parts.add(oauth);
    List<Durable> durables = new ArrayList<>(List.of(ctx.ids(), ctx.authenticator(), ctx.files()));
    List<Resettable> resettables = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Durable d) {
        durables.add(d);
      }
      if (part instanceof Resettable r) {
        resettables.add(r);
      }
    }
    return new ServerState(durables, resettables, settings.stateDirectory());
  }

  public String host() {
    return ctx.host();
  }

  /**
   * Back to the fresh workspace: every record made since the start is gone (in the state
   * directory too), the fault plan and the journal are cleared; host, port and token stay.
   */
  public void reset() {
    state.reset();
    faults.clear();
    journal.clear();
  }

  /** Whether statements run on a SQL engine (testkit-sql on the class path). */
  public boolean sqlAvailable() {
    return statements.available();
  }

  public Journal journal() {
    return journal;
  }

  public ServerState state() {
    return state;
  }

  private ObjectNode health() {
    ObjectNode out = Json.object("status", "OK", "host", ctx.host(), "account_id", settings.accountId(),
        "sql", statements.available());
    if (state.directory() != null) {
      out.put("state_directory", state.directory().toString());
      out.put("restored", state.restored());
    }
    return out;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public FaultEngine faults() {
    return faults;
  }

  public OAuth oauth() {
    return oauth;
  }

  public List<Operation> operations() {
    return operations;
  }

  public Router router() {
    return router;
  }

  /** The keys ({@code VERB template}) of the emulated operations. */
  public Set<String> emulated() {
    return routes.keys();
  }

  /** Who emulates each operation key. */
  public Routes routes() {
    return routes;
  }

  /** The emulator's own operations, callable without HTTP. */
  public SelfCalls self() {
    return self;
  }

  public GenericEmulation generic() {
    return generic;
  }

  /** Probes every generic operation of this (fresh) emulator and classifies every operation. */
  public io.databricks4j.testkit.internal.generic.Coverage coverage() {
    return io.databricks4j.testkit.internal.generic.Coverage.measure(operations, routes, self, generic,
        settings.userName(), settings.accountId());
  }

  /** Requests that failed inside the emulator (500); a test asserts none. */
  public long internalErrors() {
    return internalErrors.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    statements.close();
    ctx.files().close();
  }

  private void dispatch(HttpExchange raw) {
    if (raw.getRequestURI().getRawPath().startsWith("/testkit/")) {
      try {
        process(raw, null, raw.getRequestURI().getRawPath(), raw.getRequestMethod());
      } finally {
        raw.close();
      }
      return;
    }
    JournaledExchange exchange = new JournaledExchange(raw, journal, ctx.now());
    boolean drop = false;
    try {
      drop = serve(exchange);
    } finally {
      exchange.record(0);
      if (!drop) {
        exchange.close();
      }
    }
    if (drop) {
      // a handler that throws makes the JDK server close the connection without finishing the answer
      throw new ConnectionDropped();
    }
  }

  /** What makes the server close a connection the fault plan drops; not an error of the emulator. */
  private static final class ConnectionDropped extends RuntimeException {
    ConnectionDropped() {
      super("connection dropped by the testkit fault plan", null, false, false);
    }
  }

  /**
   * Serves one request as the fault plan decides: normally, with a fault instead of serving it, or
   * served with a fault while its answer goes out. True when the connection is to be dropped.
   */
  private boolean serve(JournaledExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    String method = exchange.getRequestMethod();
    FaultEngine.Decision fault = faults.decide(method, path);
    if (fault.latencyMillis() > 0) {
      try {
        Thread.sleep(fault.latencyMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    FaultEngine.Kind kind = fault.kind();
    if (kind == FaultEngine.Kind.CONNECTION_RESET) {
      return true;
    }
    if (kind.status() > 0) {
      injectedAnswer(exchange, path, fault);
      return false;
    }
    if (kind.afterProcessing()) {
      FaultedExchange faulted = new FaultedExchange(exchange, fault);
      process(faulted, exchange, path, method);
      return faulted.dropped();
    }
    process(exchange, exchange, path, method);
    return false;
  }

  /** As {@link #changed}, for a request that failed: the failure is what the client hears of, not the save's. */
  private void changedAfterError(String method) {
    try {
      changed(method);
    } catch (RuntimeException e) {
      internalErrors.incrementAndGet();
      LOG.log(System.Logger.Level.WARNING, "cannot write the state directory", e);
    }
  }

  /** Writes what a request changed to the state directory, before the client hears of it. */
  private void changed(String method) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      state.changed();
    }
  }

  /** The error answer of a fault that strikes instead of serving the request. */
  private static void injectedAnswer(HttpExchange exchange, String path, FaultEngine.Decision fault) {
    FaultEngine.Kind kind = fault.kind();
    if (kind.retryAfter()) {
      exchange.getResponseHeaders().set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
    }
    String later = kind.retryAfter() ? "; retry after " + fault.retryAfterSeconds() + "s" : "";
    switch (kind.status()) {
      case 429 -> error(exchange, path, new ApiException(429, "REQUEST_LIMIT_EXCEEDED",
          "Too many requests (injected by the testkit fault plan)" + later));
      case 503 -> error(exchange, path, new ApiException(503, "TEMPORARILY_UNAVAILABLE",
          "The service is temporarily unavailable (injected by the testkit fault plan)" + later));
      case 500 -> error(exchange, path, new ApiException(500, "INTERNAL_ERROR",
          "Internal error (injected by the testkit fault plan)"));
      default -> {
        // a load balancer's answer: HTML, not the service's JSON
        String title = kind.status() + (kind.status() == 502 ? " Bad Gateway" : " Gateway Time-out");
        try {
          Reply.bytes(exchange, kind.status(), "text/html", ("<html><head><title>" + title + "</title></head><body>"
              + "<center><h1>" + title + "</h1></center></body></html>\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException ignored) {
          // the client left; the connection is closed by the caller
        }
      }
    }
  }

  /**
   * Serves a request: control endpoint, OAuth, authentication, routing and the emulation;
   * {@code journaled} (null for the control endpoint) learns which operation it called.
   */
  private void process(HttpExchange exchange, JournaledExchange journaled, String path, String method) {
    try {
      if (path.startsWith("/testkit/")) {
        Reply reply = control.handle(exchange, path, method);
        changed(method);
        reply.write(exchange);
        return;
      }
      if (path.startsWith(ServingDataPlane.PREFIX)) {
        JsonNode body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        dataPlane.query(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body).write(exchange);
        return;
      }
      if (path.startsWith("/oidc/") || path.equals("/oidc")) {
        Reply reply = oauth.handle(exchange, path);
        changed(method);
        (reply != null ? reply : Reply.json(404, endpointNotFound(method, path))).write(exchange);
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      String user = ctx.authenticator().authenticate(authorization);
      if (user == null) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
          invalidToken(exchange);
        } else {
          error(exchange, path, new ApiException(401, "UNAUTHENTICATED",
              "Credential was not sent or was of an unsupported type for this API."));
        }
        return;
      }
      String workspaceId = exchange.getRequestHeaders().getFirst("X-Databricks-Workspace-Id");
      if (workspaceId != null) {
        accountWorkspaces.checkServed(workspaceId);
      }
      String legacyJobs = JobsVersions.route(path);
      Optional<Router.Match> match = router.match(method, legacyJobs != null ? legacyJobs : path);
      if (match.isEmpty()) {
        error(exchange, path, new ApiException(404, "ENDPOINT_NOT_FOUND", "No API found for '" + method + " " + path + "'"));
        return;
      }
      Operation op = match.get().operation();
      if (journaled != null) {
        journaled.operation(op.qualifiedName());
      }
      checkAccount(op, match.get());
      Handler handler = routes.get(op);
      if (handler == null) {
        String reason = NotEmulated.reason(op.pkg(), op.service(), op.name());
        throw ApiException.notImplemented(namesByKey.get(op.key()) + " (" + op.verb() + " " + op.path()
            + ") is not emulated by the databricks4j testkit" + (reason == null ? "" : ": " + reason));
      }
      Call call = new Call(exchange, op, match.get().pathParams(), user);
      call.checkRequired();
      Reply reply;
      if (op.pkg().equals("jobs")) {
        boolean expanded = JobsVersions.prepare(path, call);
        reply = JobsVersions.adapt(path, call, handler.handle(call), expanded);
      } else {
        reply = dataPlane.decorate(op, handler.handle(call));
      }
      changed(method);
      reply.write(exchange);
    } catch (ApiException e) {
      changedAfterError(exchange.getRequestMethod());
      error(exchange, exchange.getRequestURI().getRawPath(), e);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "the client went away: {0}", e.getMessage());
    } catch (RuntimeException | Error e) {
      internalErrors.incrementAndGet();
      LOG.log(System.Logger.Level.WARNING, "testkit handler failed on " + exchange.getRequestMethod() + " "
          + exchange.getRequestURI(), e);
      error(exchange, exchange.getRequestURI().getRawPath(), new ApiException(500, "INTERNAL_ERROR",
          "The databricks4j testkit failed on this request: " + e));
    }
  }

  private void checkAccount(Operation op, Router.Match match) {
    for (Operation.PathParam p : op.pathParams()) {
      if (p.fromConfig()) {
        String given = match.pathParams().get(p.name());
        if (!settings.accountId().equals(given)) {
          throw new ApiException(403, "PERMISSION_DENIED", "Account " + given + " is not the account of this "
              + "testkit (" + settings.accountId() + ")");
        }
      }
    }
  }

  private static Set<String> enumValues(ApiDescription description, String type) {
    Set<String> values = new HashSet<>();
    description.types().getOrDefault(type, Json.object()).path("values").forEach(v -> values.add(v.path("wire").asText()));
    return values;
  }

  /**
   * A bearer token the workspace does not know, revoked or expired: 403 with the numeric
   * {@code error_code} and the reason phrase header the service sends.
   */
  private static void invalidToken(HttpExchange exchange) {
    exchange.getResponseHeaders().set("X-Databricks-Reason-Phrase", "Invalid access token.");
    try {
      Reply.bytes(exchange, 403, "application/json", Json.bytes(Json.object("error_code", 403,
          "message", "Invalid access token.")));
    } catch (IOException | RuntimeException ignored) {
      // the client left; the connection is closed by the caller
    }
  }

  static ObjectNode endpointNotFound(String method, String path) {
    return Json.object("error_code", "ENDPOINT_NOT_FOUND", "message", "No API found for '" + method + " " + path + "'");
  }

  private static void error(HttpExchange exchange, String path, ApiException e) {
    ObjectNode body = Json.object("error_code", e.errorCode(), "message", e.getMessage());
    if (e.details() != null) {
      body.set("details", e.details());
    }
    if (path != null && path.contains("/scim/v2/")) {
      body.set("schemas", Json.strings(List.of(SCIM_ERROR)));
      body.put("detail", e.getMessage());
      body.put("status", Integer.toString(e.status()));
    }
    try {
      Reply.bytes(exchange, e.status(), "application/json", Json.bytes(body));
    } catch (IOException | RuntimeException ignored) {
      // the headers were already sent or the client left; the connection is closed below
    }
  }
}
