package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Pages;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import io.databricks4j.testkit.internal.state.Snapshots;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * SCIM 2.0 Users, Groups and ServicePrincipals of a workspace or of the account: create, get,
 * list (filter, attributes, sortBy, 1-based startIndex and count), replace, PATCH and delete.
 * Group membership is kept on the group and shown on its members as {@code groups}.
 */
public final class ScimDirectory implements Emulation, Durable {
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String SP = "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal";
  private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  private final Context ctx;
  private final String base;
  private final boolean workspace;
  private final Map<String, Map<String, ObjectNode>> resources = new LinkedHashMap<>();

  /** @param base {@code /api/2.0/preview/scim/v2} or {@code /api/2.0/accounts/{account_id}/scim/v2} */
  public ScimDirectory(Context ctx, String base, boolean workspace) {
    this.ctx = ctx;
    this.base = base;
    this.workspace = workspace;
    for (String kind : List.of("Users", "Groups", "ServicePrincipals")) {
      resources.put(kind, new LinkedHashMap<>());
    }
    ObjectNode me = Json.object("userName", ctx.userName(), "displayName", displayName(ctx.userName()),
        "active", true, "emails", Json.array(List.of(Json.object("value", ctx.userName(), "type", "work", "primary", true))));
    String meId = store("Users", me);
    ObjectNode admins = Json.object("displayName", "admins",
        "members", Json.array(List.of(Json.object("value", meId, "display", displayName(ctx.userName())))));
    store("Groups", admins);
    if (workspace) {
      ctx.currentUser(me);
    }
  }

  @Override
  public void register(Routes r) {
    for (String kind : List.of("Users", "Groups", "ServicePrincipals")) {
      r.on("POST", base + "/" + kind, c -> create(c, kind))
          .on("GET", base + "/" + kind, c -> list(c, kind))
          .on("GET", base + "/" + kind + "/{id}", c -> Reply.json(get(kind, c.required("id"), c)))
          .on("PUT", base + "/" + kind + "/{id}", c -> replace(c, kind))
          .on("PATCH", base + "/" + kind + "/{id}", c -> patch(c, kind))
          .on("DELETE", base + "/" + kind + "/{id}", c -> delete(c, kind));
    }
    if (workspace) {
      r.on("GET", base + "/Me", c -> Reply.json(project(me(c.user()), c)));
    }
  }

  /**
   * The owner of the caller's token, as a User: a user by userName, or a service principal (an
   * on-behalf-of or OAuth token) by applicationId, which Databricks shows with the application id
   * as userName.
   */
  private ObjectNode me(String principal) {
    synchronized (this) {
      for (ObjectNode u : resources.get("Users").values()) {
        if (u.path("userName").asText().equalsIgnoreCase(principal)) {
          return render("Users", u, null);
        }
      }
      for (ObjectNode sp : resources.get("ServicePrincipals").values()) {
        if (sp.path("applicationId").asText().equals(principal)) {
          ObjectNode me = render("ServicePrincipals", sp, null);
          me.remove("applicationId");
          me.put("userName", principal);
          me.set("schemas", Json.strings(List.of(USER)));
          me.set("meta", Json.object("resourceType", "User"));
          return me;
        }
      }
    }
    if (principal.equalsIgnoreCase(ctx.userName())) {
      throw ApiException.notFound("The current user " + principal + " was deleted");
    }
    // an OAuth client or account principal that this directory does not hold: its name is all there is
    return Json.object("id", Long.toString(Integer.toUnsignedLong(principal.hashCode())), "userName", principal,
        "displayName", displayName(principal), "active", true, "schemas", Json.strings(List.of(USER)),
        "meta", Json.object("resourceType", "User"));
  }

  private Reply create(Call call, String kind) {
    ObjectNode resource = call.body().deepCopy();
    resource.remove("id");
    synchronized (this) {
      validate(kind, resource, null);
      JsonNode groups = resource.remove("groups");
      String id = store(kind, resource);
      if (groups != null) {
        groups.forEach(g -> addMember(g.path("value").asText(), id));
      }
      return Reply.json(201, render(kind, resource, null));
    }
  }

  private String store(String kind, ObjectNode resource) {
    String id = String.valueOf(1_000_000_000_000_000L + ctx.ids().next() * 7919);
    resource.put("id", id);
    if (kind.equals("Users") && !resource.has("active")) {
      resource.put("active", true);
    }
    if (kind.equals("ServicePrincipals")) {
      if (!resource.hasNonNull("applicationId")) {
        resource.put("applicationId", ctx.ids().uuid());
      }
      if (!resource.has("active")) {
        resource.put("active", true);
      }
    }
    if (kind.equals("Users") && !resource.has("emails")) {
      resource.set("emails", Json.array(List.of(Json.object("value", resource.path("userName").asText(),
          "type", "work", "primary", true))));
    }
    resource.set("meta", Json.object("resourceType", kind.equals("Users") ? "User"
        : kind.equals("Groups") ? "Group" : "ServicePrincipal"));
    resources.get(kind).put(id, resource);
    return id;
  }

  private Reply list(Call call, String kind) {
    Predicate<JsonNode> filter = ScimFilter.parse(call.param("filter"));
    long start = call.longParam("startIndex", 1);
    if (start < 1) {
      start = 1;
    }
    int count = Pages.size(call.longParam("count", 0), ctx.pageSize());
    String sortBy = call.param("sortBy");
    boolean descending = "descending".equalsIgnoreCase(call.param("sortOrder"));
    List<ObjectNode> matching = new ArrayList<>();
    synchronized (this) {
      for (ObjectNode r : resources.get(kind).values()) {
        ObjectNode rendered = render(kind, r, null);
        if (filter.test(rendered)) {
          matching.add(rendered);
        }
      }
    }
    if (sortBy != null && !sortBy.isBlank()) {
      Comparator<ObjectNode> order = Comparator.comparing(n -> String.join(",", ScimFilter.values(n, sortBy)));
      matching.sort(descending ? order.reversed() : order);
    }
    Pages.Page<ObjectNode> page = Pages.offset(matching, (int) Math.min(Integer.MAX_VALUE, start - 1), count);
    ObjectNode out = Json.object("schemas", Json.strings(List.of(LIST)), "totalResults", matching.size(),
        "startIndex", start, "itemsPerPage", page.items().size());
    if (!page.items().isEmpty()) {
      ArrayNode items = Json.array();
      page.items().forEach(n -> items.add(project(n, call)));
      out.set("Resources", items);
    }
    return Reply.json(out);
  }

  private ObjectNode get(String kind, String id, Call call) {
    synchronized (this) {
      return project(render(kind, find(kind, id), null), call);
    }
  }

  private Reply replace(Call call, String kind) {
    String id = call.required("id");
    ObjectNode replacement = call.body().deepCopy();
    synchronized (this) {
      ObjectNode existing = find(kind, id);
      validate(kind, replacement, id);
      replacement.put("id", id);
      replacement.set("meta", existing.get("meta"));
      JsonNode groups = replacement.remove("groups");
      if (kind.equals("ServicePrincipals") && !replacement.hasNonNull("applicationId")) {
        replacement.set("applicationId", existing.get("applicationId"));
      }
      resources.get(kind).put(id, replacement);
      if (groups != null) {
        setGroups(id, groups);
      }
      return Reply.json(render(kind, replacement, null));
    }
  }

  private Reply patch(Call call, String kind) {
    String id = call.required("id");
    JsonNode operations = ScimFilter.field(call.body(), "Operations");
    if (operations == null || !operations.isArray()) {
      throw ApiException.missing("Operations");
    }
    synchronized (this) {
      ObjectNode resource = find(kind, id).deepCopy();
      for (JsonNode op : operations) {
        apply(kind, id, resource, op);
      }
      validate(kind, resource, id);
      resources.get(kind).put(id, resource);
      return Reply.json(render(kind, resource, null));
    }
  }

  private void apply(String kind, String id, ObjectNode resource, JsonNode op) {
    String verb = op.path("op").asText("").toLowerCase(Locale.ROOT);
    String path = op.hasNonNull("path") ? op.get("path").asText() : null;
    JsonNode value = op.get("value");
    if (!Set.of("add", "remove", "replace").contains(verb)) {
      throw ApiException.invalid("Unsupported PATCH op '" + op.path("op").asText() + "'");
    }
    if (path == null) {
      if (value == null || !value.isObject() || verb.equals("remove")) {
        throw ApiException.invalid("A PATCH operation without a path needs an object value");
      }
      value.fields().forEachRemaining(f -> apply(kind, id, resource,
          Json.object("op", verb, "path", f.getKey(), "value", f.getValue())));
      return;
    }
    String attr = path;
    String selector = null;
    int bracket = path.indexOf('[');
    if (bracket > 0 && path.endsWith("]")) {
      attr = path.substring(0, bracket);
      selector = path.substring(bracket + 1, path.length() - 1);
    }
    if (attr.equalsIgnoreCase("groups") && !kind.equals("Groups")) {
      patchGroupsOf(id, verb, value, selector);
      return;
    }
    ScimPatch.apply(resource, verb, attr, selector, value);
  }

  private void patchGroupsOf(String memberId, String verb, JsonNode value, String selector) {
    if (verb.equals("replace")) {
      setGroups(memberId, value == null ? Json.array() : value);
      return;
    }
    List<String> groupIds = new ArrayList<>();
    if (value != null) {
      (value.isArray() ? value : Json.array(List.of(value))).forEach(v -> groupIds.add(v.path("value").asText()));
    }
    if (selector != null) {
      Predicate<JsonNode> match = ScimFilter.parse(selector);
      resources.get("Groups").values().forEach(g -> {
        if (match.test(Json.object("value", g.get("id").asText()))) {
          groupIds.add(g.get("id").asText());
        }
      });
    }
    for (String g : groupIds) {
      if (verb.equals("add")) {
        addMember(g, memberId);
      } else {
        removeMember(g, memberId);
      }
    }
  }

  private void setGroups(String memberId, JsonNode groups) {
    for (ObjectNode g : resources.get("Groups").values()) {
      removeMember(g.get("id").asText(), memberId);
    }
    groups.forEach(v -> addMember(v.path("value").asText(), memberId));
  }

  private void addMember(String groupId, String memberId) {
    ObjectNode group = find("Groups", groupId);
    ArrayNode members = group.has("members") && group.get("members").isArray()
        ? (ArrayNode) group.get("members") : group.putArray("members");
    for (JsonNode m : members) {
      if (m.path("value").asText().equals(memberId)) {
        return;
      }
    }
    members.add(Json.object("value", memberId));
  }

  private void removeMember(String groupId, String memberId) {
    ObjectNode group = resources.get("Groups").get(groupId);
    if (group == null || !group.path("members").isArray()) {
      return;
    }
    ArrayNode kept = Json.array();
    group.get("members").forEach(m -> {
      if (!m.path("value").asText().equals(memberId)) {
        kept.add(m);
      }
    });
    group.set("members", kept);
  }

  private Reply delete(Call call, String kind) {
    String id = call.required("id");
    synchronized (this) {
      find(kind, id);
      resources.get(kind).remove(id);
      for (ObjectNode g : resources.get("Groups").values()) {
        removeMember(g.get("id").asText(), id);
      }
    }
    return Reply.status(204);
  }

  private void validate(String kind, ObjectNode resource, String except) {
    String key = switch (kind) {
      case "Users" -> "userName";
      case "Groups" -> "displayName";
      default -> "applicationId";
    };
    if (!kind.equals("ServicePrincipals") && !resource.hasNonNull(key)) {
      throw ApiException.missing(key);
    }
    String value = resource.path(key).asText(null);
    if (value == null) {
      return;
    }
    for (ObjectNode other : resources.get(kind).values()) {
      if (value.equalsIgnoreCase(other.path(key).asText()) && !other.get("id").asText().equals(except)) {
        throw new ApiException(409, "RESOURCE_ALREADY_EXISTS", singular(kind) + " with " + key + " " + value
            + " already exists.");
      }
    }
  }

  private ObjectNode render(String kind, ObjectNode resource, Call call) {
    ObjectNode out = resource.deepCopy();
    out.set("schemas", Json.strings(List.of(kind.equals("Users") ? USER : kind.equals("Groups") ? GROUP : SP)));
    String id = resource.get("id").asText();
    ArrayNode groups = Json.array();
    for (ObjectNode g : resources.get("Groups").values()) {
      for (JsonNode m : g.path("members")) {
        if (m.path("value").asText().equals(id)) {
          groups.add(Json.object("value", g.get("id").asText(), "display", g.path("displayName").asText(),
              "type", "direct", "$ref", "Groups/" + g.get("id").asText()));
        }
      }
    }
    if (!groups.isEmpty()) {
      out.set("groups", groups);
    }
    if (kind.equals("Groups") && out.path("members").isArray()) {
      ArrayNode members = Json.array();
      for (JsonNode m : out.get("members")) {
        ObjectNode member = Json.copyOf(m);
        String memberId = member.path("value").asText();
        for (String k : List.of("Users", "ServicePrincipals", "Groups")) {
          ObjectNode target = resources.get(k).get(memberId);
          if (target != null) {
            member.put("display", target.path(k.equals("Users") ? "displayName" : "displayName")
                .asText(target.path("userName").asText()));
            member.put("$ref", k + "/" + memberId);
          }
        }
        members.add(member);
      }
      out.set("members", members);
    }
    return out;
  }

  /** Applies {@code attributes} and {@code excludedAttributes}; id and schemas always stay. */
  private static ObjectNode project(ObjectNode resource, Call call) {
    String attributes = call == null ? null : call.param("attributes");
    String excluded = call == null ? null : call.param("excludedAttributes");
    ObjectNode out = resource;
    if (attributes != null && !attributes.isBlank()) {
      out = Json.object("id", resource.get("id"), "schemas", resource.get("schemas"));
      for (String a : attributes.split(",")) {
        String name = existingName(resource, a.trim().split("\\.")[0]);
        if (resource.has(name)) {
          out.set(name, resource.get(name));
        }
      }
    }
    if (excluded != null && !excluded.isBlank()) {
      for (String a : excluded.split(",")) {
        String name = existingName(out, a.trim());
        if (!name.equals("id")) {
          out.remove(name);
        }
      }
    }
    return out;
  }

  static String existingName(ObjectNode resource, String attr) {
    var names = resource.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (n.equalsIgnoreCase(attr)) {
        return n;
      }
    }
    return attr;
  }

  private ObjectNode find(String kind, String id) {
    ObjectNode r = resources.get(kind).get(id);
    if (r == null) {
      throw ApiException.notFound(singular(kind) + " " + id + " not found.");
    }
    return r;
  }

  private static String singular(String kind) {
    return switch (kind) {
      case "Users" -> "User";
      case "Groups" -> "Group";
      default -> "Service principal";
    };
  }

  private static String displayName(String userName) {
    int at = userName.indexOf('@');
    return at > 0 ? userName.substring(0, at) : userName;
  }

  /** A service principal's application id when it exists in this directory (for OAuth secrets). */
  public synchronized ObjectNode servicePrincipal(String id) {
    ObjectNode sp = resources.get("ServicePrincipals").get(id);
    return sp == null ? null : sp.deepCopy();
  }

  @Override
  public String stateName() {
    return workspace ? "scim-workspace" : "scim-account";
  }

  /** Users, groups and service principals by id. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    ObjectNode out = Json.object();
    resources.forEach((kind, byId) -> out.set(kind, Snapshots.records(byId)));
    return out;
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    resources.forEach((kind, byId) -> Snapshots.records(state.path(kind), byId));
    if (workspace) {
      resources.get("Users").values().stream().filter(u -> u.path("userName").asText().equals(ctx.userName()))
          .findFirst().ifPresent(ctx::currentUser);
    }
  }
}
