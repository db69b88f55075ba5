package io.databricks4j.testkit.internal.generic;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Operation;
import io.databricks4j.testkit.internal.SelfCalls;
import io.databricks4j.testkit.internal.generic.Inference.Binding;
import io.databricks4j.testkit.internal.generic.Inference.Role;
import io.databricks4j.testkit.internal.http.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what the generic engine answers, operation by operation, through the emulator's own
 * routing: for every inferred resource a round trip (create, get equal, list contains, delete,
 * get 404), and for every other operation an answer that reads as its response type.
 */
final class Probe {
  /** The verdict on one operation: emulated or not, and how it was checked or why it failed. */
  record Verdict(boolean ok, String detail) {
  }

  private static final Set<String> VOLATILE = Set.of("etag", "update_time", "updated_at", "updated_by",
      "last_updated_timestamp", "last_modified", "update_time_ms");

  private final GenericEmulation generic;
  private final Shapes shapes;
  private final ProbeResources res;
  private final Map<String, Verdict> verdicts = new LinkedHashMap<>();

  Probe(SelfCalls self, GenericEmulation generic, String user, String accountId) {
    this.generic = generic;
    this.shapes = new Shapes(generic.types());
    this.res = new ProbeResources(self, generic, user, accountId);
  }

  /** Runs every check; the verdicts by {@code pkg.Service.operation}. */
  Map<String, Verdict> run() {
    res.fixtures();
    for (Resource r : generic.resources()) {
      List<Binding> bs = res.bindings(r);
      if (!bs.isEmpty()) {
        resource(r, bs);
      }
    }
    for (Binding b : generic.bindings()) {
      if (!verdicts.containsKey(name(b.op()))) {
        single(b.op(), b.role() == Role.PERMISSIONS ? res.permissionTarget(b.op()) : res.known(b.op(), null));
      }
    }
    return verdicts;
  }

  private void resource(Resource r, List<Binding> bs) {
    Binding create = ProbeResources.find(bs, Role.CREATE, Role.CREATE_AT);
    if (create == null) {
      Map<String, String> known = res.known(bs.get(0).op(), null);
      try {
        known.putAll(r.lookupOf != null ? res.lookupValues(r) : res.operationValues(r));
      } catch (RuntimeException e) {
        // the checks below say what fails
      }
      for (Binding b : bs) {
        single(b.op(), known);
      }
      return;
    }
    ProbeResources.Instance first;
    try {
      first = res.instance(r, create, 0);
    } catch (RuntimeException e) {
      fail(bs, "creating one failed: " + message(e));
      return;
    }
    ok(create.op(), "round trip: create");
    Binding get = ProbeResources.find(bs, Role.GET);
    if (get != null) {
      roundTrip(r, bs, create, get, first);
    }
    ProbeResources.Instance live;
    try {
      live = res.instance(r, create, 0);
    } catch (RuntimeException e) {
      fail(bs, "creating a second one failed: " + message(e));
      return;
    }
    List<Binding> later = new ArrayList<>();
    for (Binding b : bs) {
      if (verdicts.containsKey(name(b.op()))) {
        continue;
      }
      if (b.role() == Role.RESTORE || b.role() == Role.DELETE) {
        later.add(b);
      } else if (b.role() == Role.CREATE || b.role() == Role.CREATE_AT) {
        Map<String, String> parents = new HashMap<>(live.keys());
        r.keys.forEach(parents::remove);
        parents.remove("name");
        single(b.op(), parents);
      } else {
        single(b.op(), res.known(b.op(), live));
      }
    }
    for (Binding b : later) {
      if (b.role() == Role.RESTORE) {
        Binding delete = ProbeResources.find(bs, Role.DELETE);
        try {
          if (delete != null) {
            res.call(delete.op(), res.known(delete.op(), live));
          }
        } catch (RuntimeException e) {
          // the restore check says what happened
        }
      }
      single(b.op(), res.known(b.op(), live));
    }
  }

  private void roundTrip(Resource r, List<Binding> bs, Binding create, Binding get, ProbeResources.Instance inst) {
    String step = "get";
    try {
      JsonNode got = res.unwrap(res.call(get.op(), res.known(get.op(), inst)), get.op(), r);
      String diff = differences(res.unwrap(inst.response(), create.op(), r), got);
      if (diff != null) {
        throw new IllegalStateException("get differs from create: " + diff);
      }
      ok(get.op(), "round trip: get equals create");
      for (Binding list : bs) {
        if (list.role() == Role.LIST) {
          step = list.op().name();
          JsonNode page = res.call(list.op(), res.known(list.op(), inst));
          if (!contains(page, list.op(), r, inst)) {
            throw new IllegalStateException(list.op().name() + " does not list the new " + r.label());
          }
          ok(list.op(), "round trip: list contains");
        }
      }
      Binding delete = ProbeResources.find(bs, Role.DELETE);
      if (delete != null) {
        step = "delete";
        res.call(delete.op(), res.known(delete.op(), inst));
        try {
          res.call(get.op(), res.known(get.op(), inst));
          throw new IllegalStateException("get after delete did not answer 404");
        } catch (ApiException e) {
          if (e.status() != 404) {
            throw e;
          }
        }
        ok(delete.op(), "round trip: delete, then get 404");
      }
    } catch (RuntimeException e) {
      fail(bs, "round trip failed at " + step + ": " + message(e));
    }
  }

  private void single(Operation op, Map<String, String> known) {
    try {
      JsonNode answer = res.call(op, known);
      List<String> problems = new ArrayList<>();
      if (!op.responseType().equals("void") && op.spec().path("response_kind").asText("json").equals("json")) {
        shapes.conform(answer, op.responseType(), "response", problems);
      }
      if (problems.isEmpty()) {
        ok(op, "answers as " + op.responseType());
      } else {
        verdicts.put(name(op), new Verdict(false, "answer does not read as " + op.responseType() + ": " + problems.get(0)));
      }
    } catch (RuntimeException e) {
      verdicts.put(name(op), new Verdict(false, message(e)));
    }
  }

  /** The first field that differs between what create and get answered, or null. */
  private static String differences(JsonNode created, JsonNode got) {
    if (!created.isObject() || !got.isObject()) {
      return null;
    }
    var fields = created.fields();
    while (fields.hasNext()) {
      var f = fields.next();
      JsonNode other = got.get(f.getKey());
      if (other != null && !VOLATILE.contains(f.getKey()) && !other.equals(f.getValue())
          && !(other.isObject() && differences(f.getValue(), other) == null)) {
        return f.getKey() + ": " + f.getValue() + " then " + other;
      }
    }
    return null;
  }

  private boolean contains(JsonNode page, Operation list, Resource r, ProbeResources.Instance inst) {
    JsonNode items = page.isArray() ? page : null;
    if (items == null) {
      String field = new Answers(shapes).listField(list.responseType());
      items = field == null ? null : page.get(field);
    }
    if (items == null) {
      return false;
    }
    String key = r.keys.isEmpty() ? null : r.keys.get(r.keys.size() - 1);
    String field = key == null ? null : r.keyFields.get(key);
    String want = key == null ? null : inst.keys().get(key);
    for (JsonNode item : items) {
      if (want == null) {
        return true;
      }
      JsonNode v = field == null ? ProbeResources.deep(item, key) : Shapes.at(item, field);
      if (v == null || v.isMissingNode()) {
        v = ProbeResources.deep(item, field == null ? key : field.substring(field.lastIndexOf('.') + 1));
      }
      if (v != null && (want.equals(v.asText()) || want.endsWith("/" + v.asText()))) {
        return true;
      }
    }
    return false;
  }

  private void ok(Operation op, String how) {
    verdicts.put(name(op), new Verdict(true, how));
  }

  private void fail(List<Binding> bs, String why) {
    for (Binding b : bs) {
      Verdict v = verdicts.get(name(b.op()));
      if (v == null || v.ok()) {
        verdicts.put(name(b.op()), new Verdict(false, why));
      }
    }
  }

  static String name(Operation op) {
    return op.qualifiedService() + "." + op.name();
  }

  private static String message(RuntimeException e) {
    if (e instanceof ApiException a) {
      return a.status() + " " + a.errorCode() + ": " + a.getMessage();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
