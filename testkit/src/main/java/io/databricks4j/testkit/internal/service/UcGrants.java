package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Pages;
import io.databricks4j.testkit.internal.SelfCalls;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Unity Catalog grants: privileges added and removed per principal on a securable that exists
 * (whichever emulation keeps it), read back directly or as effective privileges, which a table,
 * volume, function or model inherits from its schema and catalog, and a schema from its catalog.
 */
public final class UcGrants implements Emulation, Durable {
  private static final String V = "/api/2.1/unity-catalog/";
  /** Where each securable type is read, to check that it exists. */
  private static final Map<String, String> PATHS = Map.ofEntries(Map.entry("catalog", "catalogs"),
      Map.entry("schema", "schemas"), Map.entry("table", "tables"), Map.entry("volume", "volumes"),
      Map.entry("function", "functions"), Map.entry("registered_model", "models"),
      Map.entry("external_location", "external-locations"), Map.entry("storage_credential", "storage-credentials"),
      Map.entry("credential", "credentials"), Map.entry("connection", "connections"), Map.entry("share", "shares"),
      Map.entry("provider", "providers"), Map.entry("recipient", "recipients"));

  private final Context ctx;
  private final SelfCalls self;
  private final Set<String> privileges;
  /** Per securable ({@code table:main.default.t}, lower case), per principal, the privileges granted. */
  private final Map<String, TreeMap<String, TreeSet<String>>> grants = new TreeMap<>();

  /** @param privileges the privilege names the description lists */
  public UcGrants(Context ctx, SelfCalls self, Set<String> privileges) {
    this.ctx = ctx;
    this.self = self;
    this.privileges = Set.copyOf(privileges);
  }

  @Override
  public void register(Routes r) {
    r.on("GET", V + "permissions/{securable_type}/{full_name}", c -> Reply.json(direct(c, "privilege_assignments")))
        .on("PATCH", V + "permissions/{securable_type}/{full_name}", this::update)
        .on("GET", V + "privilege-assignments/{securable_type}/{full_name}",
            c -> Reply.json(direct(c, "privilege_assignments")))
        .on("GET", V + "effective-permissions/{securable_type}/{full_name}",
            c -> Reply.json(effective(c, "privilege_assignments")))
        .on("GET", V + "effective-privilege-assignments/{securable_type}/{full_name}",
            c -> Reply.json(effective(c, "effective_privilege_assignments")));
  }

  private Reply update(Call call) {
    String key = securable(call);
    JsonNode changes = call.node("changes");
    if (changes == null || !changes.isArray()) {
      throw ApiException.missing("changes");
    }
    for (JsonNode change : changes) {
      if (change.path("principal").asText("").isEmpty()) {
        throw ApiException.missing("changes.principal");
      }
      for (String list : List.of("add", "remove")) {
        for (JsonNode p : change.path(list)) {
          if (!privileges.contains(p.asText())) {
            throw ApiException.invalid("Privilege " + p.asText() + " is not a Unity Catalog privilege");
          }
        }
      }
    }
    synchronized (this) {
      TreeMap<String, TreeSet<String>> byPrincipal = grants.computeIfAbsent(key, k -> new TreeMap<>());
      for (JsonNode change : changes) {
        TreeSet<String> held = byPrincipal.computeIfAbsent(change.get("principal").asText(), k -> new TreeSet<>());
        change.path("add").forEach(p -> held.add(p.asText()));
        change.path("remove").forEach(p -> held.remove(p.asText()));
        if (held.isEmpty()) {
          byPrincipal.remove(change.get("principal").asText());
        }
      }
    }
    if (call.bool("omit_permissions_in_response", false)) {
      return Reply.empty();
    }
    return Reply.json(Json.object("privilege_assignments", assignments(key, call.param("principal"))));
  }

  private ObjectNode direct(Call call, String field) {
    String key = securable(call);
    return page(call, field, assignments(key, call.param("principal")));
  }

  /** The privileges of the securable and those it inherits from its schema and catalog. */
  private ObjectNode effective(Call call, String field) {
    String key = securable(call);
    String type = key.substring(0, key.indexOf(':'));
    String name = key.substring(key.indexOf(':') + 1);
    List<String[]> chain = new ArrayList<>();
    chain.add(new String[] {key, null, null});
    String[] parts = name.split("\\.");
    if (parts.length >= 2 && !type.equals("catalog")) {
      chain.add(new String[] {"catalog:" + parts[0], parts[0], "CATALOG"});
    }
    if (parts.length == 3) {
      chain.add(new String[] {"schema:" + parts[0] + "." + parts[1], parts[0] + "." + parts[1], "SCHEMA"});
    }
    String only = call.param("principal");
    TreeMap<String, ArrayNode> byPrincipal = new TreeMap<>();
    synchronized (this) {
      for (String[] link : chain) {
        grants.getOrDefault(link[0], new TreeMap<>()).forEach((principal, held) -> {
          if (only != null && !only.equals(principal)) {
            return;
          }
          ArrayNode list = byPrincipal.computeIfAbsent(principal, p -> Json.array());
          for (String privilege : held) {
            ObjectNode p = Json.object("privilege", privilege);
            Json.put(p, "inherited_from_name", link[1]);
            Json.put(p, "inherited_from_type", link[2]);
            list.add(p);
          }
        });
      }
    }
    ArrayNode assignments = Json.array();
    byPrincipal.forEach((principal, list) -> assignments.add(Json.object("principal", principal, "privileges", list)));
    return page(call, field, assignments);
  }

  private synchronized ArrayNode assignments(String key, String only) {
    ArrayNode out = Json.array();
    grants.getOrDefault(key, new TreeMap<>()).forEach((principal, held) -> {
      if (only == null || only.equals(principal)) {
        out.add(Json.object("principal", principal, "privileges", Json.strings(held)));
      }
    });
    return out;
  }

  private ObjectNode page(Call call, String field, ArrayNode all) {
    List<JsonNode> items = new ArrayList<>();
    all.forEach(items::add);
    int size = Pages.size(Math.max(call.longParam("max_results", 0), call.longParam("page_size", 0)), ctx.pageSize());
    int offset = call.param("page_token") == null ? 0 : Pages.offsetOf(call.param("page_token"));
    Pages.Page<JsonNode> page = Pages.offset(items, offset, size);
    ObjectNode out = Json.object(field, Json.array(page.items()));
    Json.put(out, "next_page_token", page.nextToken());
    return out;
  }

  /** The key of the securable a request names, 404 when the emulation that keeps it says it does not exist. */
  private String securable(Call call) {
    String type = call.required("securable_type").toLowerCase(Locale.ROOT);
    String name = call.required("full_name");
    String collection = PATHS.get(type);
    if (collection != null && Boolean.FALSE.equals(self.exists(V + collection + "/"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"), call.user()))) {
      throw ApiException.notFound(Character.toUpperCase(type.charAt(0)) + type.substring(1).replace('_', ' ')
          + " '" + name + "' does not exist.");
    }
    return type + ":" + name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String stateName() {
    return "unity-catalog-grants";
  }

  /** The privileges of each principal on each securable. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    ObjectNode out = Json.object();
    grants.forEach((securable, byPrincipal) -> {
      ObjectNode principals = Json.object();
      byPrincipal.forEach((principal, held) -> principals.set(principal, Json.strings(held)));
      out.set(securable, principals);
    });
    return out;
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    grants.clear();
    state.fields().forEachRemaining(s -> {
      TreeMap<String, TreeSet<String>> byPrincipal = new TreeMap<>();
      s.getValue().fields().forEachRemaining(p -> {
        TreeSet<String> held = new TreeSet<>();
        p.getValue().forEach(v -> held.add(v.asText()));
        byPrincipal.put(p.getKey(), held);
      });
      grants.put(s.getKey(), byPrincipal);
    });
  }
}
