package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Handler;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulator calling its own operations without HTTP: whether a parent resource exists
 * (whoever emulates it, hand-written or generic), the seed, the coverage probe. Routing,
 * required fields and errors are those of a request over the wire.
 */
public final class SelfCalls {
  /** What an operation answered: its status and JSON body ({@code {}} when it has none). */
  public record Result(int status, JsonNode body) {
  }

  private final Router router;
  private final Routes routes;

  public SelfCalls(Router router, Routes routes) {
    this.router = router;
    this.routes = routes;
  }

  /**
   * Calls {@code verb path} (path percent-encoded as on the wire) as {@code user}.
   *
   * @throws ApiException what the operation answered when it failed
   */
  public Result call(String verb, String path, Map<String, List<String>> query, ObjectNode body, String user) {
    Optional<Router.Match> match = router.match(verb, path);
    if (match.isEmpty()) {
      throw new ApiException(404, "ENDPOINT_NOT_FOUND", "No API found for '" + verb + " " + path + "'");
    }
    Operation op = match.get().operation();
    Handler handler = routes.get(op);
    if (handler == null) {
      throw ApiException.notImplemented(op.qualifiedName() + " is not emulated by the databricks4j testkit");
    }
    Call call = Call.internal(op, match.get().pathParams(), query, body == null ? null : body.deepCopy(), user);
    call.checkRequired();
    Reply reply;
    try {
      reply = handler.handle(call);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (reply instanceof Reply.JsonReply j) {
      return new Result(j.status(), j.body().deepCopy());
    }
    if (reply instanceof Reply.StatusReply s) {
      return new Result(s.status(), Json.object());
    }
    return new Result(200, Json.object());
  }

  /**
   * Whether the resource a GET of {@code path} reads exists: true or false when an emulation
   * answers, null when none can tell (no such operation, not emulated, another failure).
   */
  public Boolean exists(String path, String user) {
    Optional<Router.Match> match = router.match("GET", path);
    if (match.isEmpty() || !sameShape(match.get().operation(), path)) {
      return null;
    }
    try {
      return call("GET", path, Map.of(), null, user).status() < 300;
    } catch (ApiException e) {
      if (e.status() == 404 && !e.errorCode().equals("ENDPOINT_NOT_FOUND")) {
        return false;
      }
      return null;
    }
  }

  /**
   * Whether the path has as many segments as the template, unless a parameter of the template
   * holds a resource name: a loose match ({@code {space_id}} spanning {@code s/conversations/c})
   * reads another resource than the one asked about.
   */
  private static boolean sameShape(Operation op, String path) {
    for (Operation.PathParam p : op.pathParams()) {
      if (p.multiSegment() || p.name().equals("name") || p.name().equals("parent")) {
        return true;
      }
    }
    return op.path().split("/", -1).length == path.split("/", -1).length;
  }
}
