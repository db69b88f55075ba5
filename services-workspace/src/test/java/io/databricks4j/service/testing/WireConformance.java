package io.databricks4j.service.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.PackageDescription;
import io.databricks4j.codegen.model.ApiModel.Service;
import io.databricks4j.codegen.model.ApiModel.SubService;
import io.databricks4j.service.testing.WireRequests.Expected;
import io.databricks4j.service.testing.WireServer.Answer;
import io.databricks4j.service.testing.WireServer.Recorded;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls every operation of one level of the description through the public service classes the
 * client hands out, against a {@link WireServer}, and compares each request with the description:
 * verb, encoded path, query, JSON body (exactly the body fields, by wire name), Content-Type,
 * Accept, the workspace id header and the bearer token.
 *
 */
public final class WireConformance {
  /**
   * What a run found: operations called, those that did not match (with why), expected refusals,
   * and operations that match a description that is itself wrong.
   */
  public record Report(int exercised, List<String> mismatches, List<String> expectedExceptions, List<String> defects) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) ->
      a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

  private final List<PackageDescription> packages;
  private final Map<String, Service> services = new HashMap<>();
  private final WireRequests requests;
  private final WireServer server;
  private final String workspaceId;

  /** {@code workspaceId}: the configured id that workspace operations must send, account ones never. */
  public WireConformance(List<PackageDescription> packages, WireServer server, String accountId, String workspaceId) {
    this.packages = packages;
    for (PackageDescription p : packages) {
      for (Service s : WireRequests.list(p.services())) services.put(p.name() + "." + s.name(), s);
    }
    this.requests = new WireRequests(packages, accountId);
    this.server = server;
    this.workspaceId = workspaceId;
  }

  public Report run(String level, Object client) {
    int exercised = 0;
    Map<Kind, List<String>> found = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) found.put(k, new ArrayList<>());
    for (PackageDescription p : packages) {
      for (Service s : WireRequests.list(p.services())) {
        if (!level.equals(s.level())) continue;
        for (Operation o : WireRequests.list(s.operations())) {
          exercised++;
          Outcome out;
          try {
            out = exercise(s, o, client);
          } catch (RuntimeException | ReflectiveOperationException e) {
            out = new Outcome(Kind.MISMATCH, "cannot call: " + e);
          }
          String name = p.name() + "." + s.name() + "." + o.name();
          found.get(out.kind()).add(out.kind() == Kind.MISMATCH
              ? name + " (" + o.verb() + " " + o.path() + "): " + out.text() : name + ": " + out.text());
        }
      }
    }
    return new Report(exercised, found.get(Kind.MISMATCH), found.get(Kind.EXPECTED), found.get(Kind.DEFECT));
  }

  private enum Kind { MATCH, MISMATCH, EXPECTED, DEFECT }

  private record Outcome(Kind kind, String text) {}

  private Outcome exercise(Service s, Operation o, Object client) throws ReflectiveOperationException {
    Object service = service(s, client);
    Expected e = requests.build(o);
    server.respond(answer(o));
    server.drain();
    Throwable thrown = null;
    try {
      consume(method(service, o).invoke(service, e.request() == null ? new Object[0] : new Object[] {e.request()}));
    } catch (InvocationTargetException x) {
      thrown = x.getCause();
    }
    List<Recorded> seen = server.drain();
    if (o.dataPlane() != null) {
      // its URL comes from the answer of the info operation; the canned answer names none, so the
      // call asks for it once and stops there, before any data-plane token is needed
      boolean askedOnce = seen.size() == 1 && seen.get(0).method().equals("GET");
      return thrown instanceof io.databricks4j.error.DatabricksException && askedOnce
          && String.valueOf(thrown.getMessage()).contains("no data plane")
          ? new Outcome(Kind.EXPECTED, "asked " + seen.get(0).rawPath() + " for the data-plane URL; none given")
          : new Outcome(Kind.MISMATCH, "the data-plane call did not ask for its URL first: " + thrown + " " + seen);
    }
    if (thrown != null) return new Outcome(Kind.MISMATCH, "threw " + thrown + " after " + seen);
    if (seen.size() != 1) return new Outcome(Kind.MISMATCH, "expected 1 request, saw " + seen);
    List<String> problems = check(o, e, seen.get(0));
    if (!problems.isEmpty()) return new Outcome(Kind.MISMATCH, String.join("; ", problems));
    return e.defects().isEmpty() ? new Outcome(Kind.MATCH, "")
        : new Outcome(Kind.DEFECT, String.join("; ", e.defects()) + " (" + seen.get(0).rawPath() + ")");
  }

  private List<String> check(Operation o, Expected e, Recorded r) {
    List<String> p = new ArrayList<>();
    if (!r.method().equals(o.verb())) p.add("verb " + r.method() + ", expected " + o.verb());
    if (!r.rawPath().equals(e.path())) p.add("path " + r.rawPath() + ", expected " + e.path());
    if (!r.query().equals(e.query())) p.add("query " + r.query() + ", expected " + e.query());
    if (e.body() == null) {
      if (r.body().length > 0) p.add("a body where none is expected: " + text(r.body()));
    } else if (e.body() instanceof byte[] bytes) {
      if (!Arrays.equals(bytes, r.body())) p.add("body " + text(r.body()) + ", expected " + text(bytes));
    } else {
      jsonBody(e.body(), r.body(), p);
    }
    if (e.body() != null && o.contentType() != null && !String.valueOf(r.header("Content-Type")).startsWith(o.contentType())) {
      p.add("Content-Type " + r.header("Content-Type") + ", expected " + o.contentType());
    }
    if (o.accept() != null && !String.valueOf(r.header("Accept")).contains(o.accept())) {
      p.add("Accept " + r.header("Accept") + ", expected " + o.accept());
    }
    String ws = r.header("X-Databricks-Workspace-Id");
    if (o.workspaceIdHeader() ? !workspaceId.equals(ws) : ws != null) {
      p.add("X-Databricks-Workspace-Id " + ws + (o.workspaceIdHeader() ? ", expected " + workspaceId : ", expected none"));
    }
    if (!"Bearer t".equals(r.header("Authorization"))) p.add("Authorization " + r.header("Authorization"));
    return p;
  }

  private static void jsonBody(Object expected, byte[] body, List<String> p) {
    JsonNode want = JSON.valueToTree(expected);
    try {
      JsonNode got = JSON.readTree(body);
      if (got == null || !got.equals(NUMBERS_BY_VALUE, want)) p.add("body " + text(body) + ", expected " + want);
    } catch (java.io.IOException x) {
      p.add("body is not JSON: " + text(body));
    }
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** The service object as the client hands it out: {@code clusters()}, {@code settings().defaultNamespace()}. */
  private Object service(Service s, Object client) throws ReflectiveOperationException {
    Service owner = s.inheritedBy() == null ? s : services.get(s.inheritedBy());
    if (owner.parent() == null) return client.getClass().getMethod(owner.accessor()).invoke(client);
    Service parent = services.get(owner.parent());
    String key = owner.packageName() + "." + owner.name();
    SubService sub = parent.subServices().stream().filter(x -> x.service().equals(key)).findFirst().orElseThrow();
    Object p = service(parent, client);
    return p.getClass().getMethod(sub.accessor()).invoke(p);
  }

  /** The typed method {@code op(Request)} (or {@code op()}); paged operations return the lazy iterable. */
  private Method method(Object service, Operation o) throws NoSuchMethodException {
    String param = o.requestType() == null ? null
        : requests.isModel(o.requestType()) ? requests.javaClass(o.requestType()).getName() : Map.class.getName();
    for (Method m : service.getClass().getMethods()) {
      if (!m.getName().equals(o.name())) continue;
      if (param == null ? m.getParameterCount() == 0
          : m.getParameterCount() == 1 && m.getParameterTypes()[0].getName().equals(param)) {
        return m;
      }
    }
    throw new NoSuchMethodException(service.getClass().getName() + "." + o.name() + "(" + (param == null ? "" : param) + ")");
  }

  /** Iterates a paged result once; closes a downloaded stream. */
  private static void consume(Object result) throws ReflectiveOperationException {
    if (result instanceof Iterable<?> items) {
      for (Object ignored : items) {
        // the {} answer ends the listing
      }
    } else if (result != null) {
      for (Method m : result.getClass().getMethods()) {
        if (m.getParameterCount() == 0 && InputStream.class.isAssignableFrom(m.getReturnType())) {
          try (InputStream in = (InputStream) m.invoke(result)) {
            if (in != null) in.transferTo(java.io.OutputStream.nullOutputStream());
          } catch (java.io.IOException x) {
            throw new IllegalStateException("cannot read the stream of " + result.getClass().getName(), x);
          }
        }
      }
    }
  }

  /** {@code {}} lets every model decode; a bare JSON array for list responses; bytes for downloads. */
  private static java.util.function.Function<Recorded, Answer> answer(Operation o) {
    Answer a = switch (o.responseKind()) {
      case "stream" -> new Answer(200, "application/octet-stream", WireRequests.STREAM);
      case "headers" -> new Answer(200, "application/json", new byte[0]);
      default -> Answer.json(o.responseType().startsWith("list<") ? "[]" : "{}");
    };
    return r -> a;
  }
}
