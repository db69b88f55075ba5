package io.databricks4j.testkit.internal.generic;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.ApiDescription;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Operation;
import io.databricks4j.testkit.internal.SelfCalls;
import io.databricks4j.testkit.internal.generic.Inference.Binding;
import io.databricks4j.testkit.internal.generic.Inference.Role;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Routes;
import io.databricks4j.testkit.internal.service.Permissions;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Emulates every operation of the description that no hand-written emulation serves, from what
 * the description says about it (see {@link Inference}); registered after the hand-written ones,
 * so that those win wherever both exist. Operations of {@link NotEmulated} keep answering 501.
 */
public final class GenericEmulation implements Durable {
  private final Context ctx;
  private final ApiDescription description;
  private final SelfCalls self;
  private final Permissions permissions;
  private final Types types;
  private final Store store = new Store();
  private Inference inference;

  public GenericEmulation(Context ctx, ApiDescription description, SelfCalls self, Permissions permissions) {
    this.ctx = ctx;
    this.description = description;
    this.self = self;
    this.permissions = permissions;
    this.types = new Types(description.types());
  }

  @Override
  public String stateName() {
    return "generic";
  }

  /** Every record of the generic engine, deleted ones in their trash too. */
  @Override
  public JsonNode snapshot(BlobShelf shelf) {
    return store.toJson();
  }

  @Override
  public void restore(JsonNode state, BlobShelf shelf) {
    store.load(state);
  }

  /** Registers a handler for every operation that has none and is not listed in {@link NotEmulated}. */
  public void register(Routes routes) {
    List<Operation> open = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Operation op : description.operations()) {
      if (!routes.has(op.key()) && NotEmulated.reason(op.pkg(), op.service(), op.name()) == null) {
        open.add(op);
      }
      seen.add(op.key());
    }
    inference = new Inference(open, types, description.waiters());
    Engine engine = new Engine(ctx, types, store, self, description.waiters(), inference, description.operations());
    SettingsShape settings = new SettingsShape(ctx, types, store);
    Map<String, List<Binding>> byKey = new LinkedHashMap<>();
    for (Binding b : inference.bindings()) {
      byKey.computeIfAbsent(b.op().key(), k -> new ArrayList<>()).add(b);
    }
    for (Map.Entry<String, List<Binding>> e : byKey.entrySet()) {
      Binding first = e.getValue().get(0);
      Operation op = first.op();
      if (routes.has(e.getKey())) {
        continue;
      }
      if (first.role() == Role.SETTING) {
        routes.on(op.verb(), op.path(), settings.handler(op), Routes.Origin.GENERIC);
      } else if (first.role() == Role.PERMISSIONS) {
        if (extendPermissions(op)) {
          routes.on(op.verb(), op.path(), permissions.handler(op), Routes.Origin.GENERIC);
        }
      } else {
        routes.on(op.verb(), op.path(), engine.handler(e.getValue()), Routes.Origin.GENERIC);
      }
    }
  }

  /** The role the engine gave each operation it serves, by {@code pkg.Service.operation}. */
  public Map<String, String> roles() {
    Map<String, String> out = new LinkedHashMap<>();
    if (inference != null) {
      for (Binding b : inference.bindings()) {
        out.put(b.op().qualifiedService() + "." + b.op().name(), b.role().name().toLowerCase(Locale.ROOT)
            + (b.resource() == null ? "" : " " + b.resource().label()));
      }
    }
    return out;
  }

  /** The resources the engine inferred, for the coverage probe. */
  List<Resource> resources() {
    return inference == null ? List.of() : List.copyOf(inference.resources());
  }

  List<Binding> bindings() {
    return inference == null ? List.of() : inference.bindings();
  }

  Types types() {
    return types;
  }

  /**
   * Teaches the permissions emulation an object type of a generic resource: its levels from the
   * description's permission-level enum, its existence from the store.
   */
  private boolean extendPermissions(Operation op) {
    String rest = op.path().substring("/api/2.0/permissions/".length());
    String type = rest.substring(0, rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
    if (type.startsWith("{")) {
      return false;
    }
    List<String> levels = new ArrayList<>();
    for (Operation o : description.operations()) {
      if (o.qualifiedService().equals(op.qualifiedService()) && o.path().startsWith("/api/2.0/permissions/" + type)) {
        String level = levelEnum(o.requestType(), 0);
        if (level == null) {
          level = levelEnum(o.responseType(), 0);
        }
        if (level != null) {
          levels = types.enumValues(level);
          break;
        }
      }
    }
    if (levels.isEmpty()) {
      return false;
    }
    Resource owner = owner(op.qualifiedService(), type);
    permissions.extend(type, Templates.singular(type.replace("-", "_")), levels,
        id -> owner == null || exists(owner, id));
    return true;
  }

  private String levelEnum(String type, int depth) {
    if (type == null || depth > 3) {
      return null;
    }
    String t = Types.inner(type);
    for (Types.Field f : types.fields(t)) {
      if (f.wireName().equals("permission_level") && types.isEnum(f.type())) {
        return f.type();
      }
      String inner = Types.inner(f.type());
      if (types.isObject(inner)) {
        String found = levelEnum(inner, depth + 1);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The resource of the service whose objects a permission type names ({@code serving-endpoints}). */
  Resource owner(String service, String type) {
    String wanted = Templates.singular(type.replace("-", "").toLowerCase(Locale.ROOT));
    for (Resource r : inference.resources()) {
      if (!r.service.equals(service)) {
        continue;
      }
      String noun = r.noun.isEmpty() ? Templates.singular(service.substring(service.indexOf('.') + 1).toLowerCase(Locale.ROOT))
          : r.noun;
      String literal = r.itemTemplate == null ? "" : Templates.parent(r.itemTemplate);
      literal = literal.substring(literal.lastIndexOf('/') + 1);
      if (wanted.equals(noun) || (!noun.isEmpty() && wanted.endsWith(noun)) || literal.equals(type)) {
        return r;
      }
    }
    return null;
  }

  /** Whether a resource of {@code r} has {@code id} as its key or as one of its id fields. */
  private boolean exists(Resource r, String id) {
    for (var e : store.list(null, r.id)) {
      if (e.getKey().endsWith("/" + id)) {
        return true;
      }
      JsonNode v = e.getValue().get("value");
      for (String f : List.of("id", "endpoint_id", r.noun + "_id")) {
        if (id.equals(v.path(f).asText(null))) {
          return true;
        }
      }
    }
    return false;
  }
}
