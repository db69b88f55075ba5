package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Unity Catalog catalogs, schemas, tables and volumes: CRUD, listing by page token, renames that
 * carry the children along, and deletes refused on non-empty parents unless forced. A managed
 * volume is a directory under {@code /Volumes} of the shared file store.
 */
public final class UnityCatalog implements Emulation, Durable {
  private static final String V = "/api/2.1/unity-catalog/";
  private static final Pattern IDENTIFIER = Pattern.compile("[^.\\s/]{1,255}");

  private final Context ctx;
  private volatile String metastoreId;
  /** Every securable by kind, each by full name (lower case, as names are case-insensitive). */
  private final Map<String, TreeMap<String, ObjectNode>> securables = new TreeMap<>();
  private volatile CatalogListener listener = CatalogListener.NONE;

  public UnityCatalog(Context ctx) {
    this.ctx = ctx;
    this.metastoreId = ctx.ids().uuid();
    for (String kind : List.of("catalog", "schema", "table", "volume")) {
      securables.put(kind, new TreeMap<>());
    }
  }

  /** Who hears of catalogs, schemas and tables created, renamed or deleted through the REST API. */
  public void listener(CatalogListener listener) {
    this.listener = listener;
  }

  @Override
  public void register(Routes r) {
    r.on("POST", V + "catalogs", this::createCatalog)
        .on("GET", V + "catalogs/{name}", c -> Reply.json(get("catalog", c.required("name"))))
        .on("GET", V + "catalogs", c -> list(c, "catalog", "catalogs", n -> true))
        .on("PATCH", V + "catalogs/{name}", c -> update(c, "catalog", c.required("name")))
        .on("DELETE", V + "catalogs/{name}", c -> delete(c, "catalog", c.required("name")))
        .on("POST", V + "schemas", this::createSchema)
        .on("GET", V + "schemas/{full_name}", c -> Reply.json(get("schema", c.required("full_name"))))
        .on("GET", V + "schemas", c -> list(c, "schema", "schemas", in("catalog", c.required("catalog_name"))))
        .on("PATCH", V + "schemas/{full_name}", c -> update(c, "schema", c.required("full_name")))
        .on("DELETE", V + "schemas/{full_name}", c -> delete(c, "schema", c.required("full_name")))
        .on("POST", V + "tables", this::createTable)
        .on("GET", V + "tables/{full_name}", c -> Reply.json(get("table", c.required("full_name"))))
        .on("GET", V + "tables/{full_name}/exists", c -> Reply.json(Json.object("table_exists",
            find("table", c.required("full_name"), false) != null)))
        .on("GET", V + "tables", c -> list(c, "table", "tables",
            in("schema", c.required("catalog_name") + "." + c.required("schema_name"))))
        .on("GET", V + "table-summaries", this::summaries)
        .on("PATCH", V + "tables/{full_name}", c -> update(c, "table", c.required("full_name")))
        .on("DELETE", V + "tables/{full_name}", c -> delete(c, "table", c.required("full_name")))
        .on("POST", V + "volumes", this::createVolume)
        .on("GET", V + "volumes/{name}", c -> Reply.json(get("volume", c.required("name"))))
        .on("GET", V + "volumes", c -> list(c, "volume", "volumes",
            in("schema", c.required("catalog_name") + "." + c.required("schema_name"))))
        .on("PATCH", V + "volumes/{name}", c -> update(c, "volume", c.required("name")))
        .on("DELETE", V + "volumes/{name}", c -> delete(c, "volume", c.required("name")));
  }

  private Reply createCatalog(Call call) {
    String name = identifier(call, "name");
    ObjectNode info = call.body().deepCopy();
    info.put("name", name);
    info.put("full_name", name);
    info.put("catalog_type", "MANAGED_CATALOG");
    info.put("isolation_mode", "OPEN");
    if (!info.has("storage_root")) {
      info.put("storage_location", "s3://testkit-metastore/" + metastoreId + "/catalogs/" + ctx.ids().uuid());
    }
    ObjectNode created = insert("catalog", name, info, call.user());
    listener.created("catalog", created);
    return Reply.json(created);
  }

  private Reply createSchema(Call call) {
    String catalog = identifier(call, "catalog_name");
    String name = identifier(call, "name");
    ObjectNode info = call.body().deepCopy();
    info.put("full_name", catalog + "." + name);
    info.put("schema_id", ctx.ids().uuid());
    info.put("catalog_type", "MANAGED_CATALOG");
    ObjectNode created = insert("schema", catalog + "." + name, info, call.user());
    listener.created("schema", created);
    return Reply.json(created);
  }

  private Reply createTable(Call call) {
    String catalog = identifier(call, "catalog_name");
    String schema = identifier(call, "schema_name");
    String name = identifier(call, "name");
    ObjectNode info = call.body().deepCopy();
    String type = info.path("table_type").asText("MANAGED");
    info.put("table_type", type);
    if (!info.has("data_source_format")) {
      info.put("data_source_format", "DELTA");
    }
    if (type.equals("EXTERNAL") && !info.hasNonNull("storage_location")) {
      throw ApiException.missing("storage_location");
    }
    String id = ctx.ids().uuid();
    info.put("table_id", id);
    info.put("full_name", catalog + "." + schema + "." + name);
    if (!info.has("storage_location")) {
      info.put("storage_location", "s3://testkit-metastore/" + metastoreId + "/tables/" + id);
    }
    if (!info.has("columns")) {
      info.set("columns", Json.array());
    }
    ObjectNode created = insert("table", catalog + "." + schema + "." + name, info, call.user());
    listener.created("table", created);
    return Reply.json(created);
  }

  private Reply createVolume(Call call) {
    String catalog = identifier(call, "catalog_name");
    String schema = identifier(call, "schema_name");
    String name = identifier(call, "name");
    String type = call.required("volume_type");
    if (!type.equals("MANAGED") && !type.equals("EXTERNAL")) {
      throw ApiException.invalid("volume_type must be MANAGED or EXTERNAL, got " + type);
    }
    ObjectNode info = call.body().deepCopy();
    if (type.equals("EXTERNAL") && !info.hasNonNull("storage_location")) {
      throw ApiException.missing("storage_location");
    }
    if (type.equals("MANAGED") && info.hasNonNull("storage_location")) {
      throw ApiException.invalid("A managed volume cannot have a storage_location");
    }
    String id = ctx.ids().uuid();
    info.put("volume_id", id);
    info.put("full_name", catalog + "." + schema + "." + name);
    if (!info.has("storage_location")) {
      info.put("storage_location", "s3://testkit-metastore/" + metastoreId + "/volumes/" + id);
    }
    ObjectNode created = insert("volume", catalog + "." + schema + "." + name, info, call.user());
    ctx.files().mkdirs("/Volumes/" + catalog + "/" + schema + "/" + name);
    return Reply.json(created);
  }

  private synchronized ObjectNode insert(String kind, String fullName, ObjectNode info, String user) {
    String parentKind = parentKind(kind);
    if (parentKind != null) {
      String parent = fullName.substring(0, fullName.lastIndexOf('.'));
      if (find(parentKind, parent, false) == null) {
        throw ApiException.notFound(capital(parentKind) + " '" + parent + "' does not exist.");
      }
    }
    String key = fullName.toLowerCase(Locale.ROOT);
    if (anyKind(key, kind)) {
      throw ApiException.alreadyExists(capital(kind) + " '" + fullName + "' already exists");
    }
    long now = ctx.now();
    info.put("owner", user);
    info.put("created_at", now);
    info.put("created_by", user);
    info.put("updated_at", now);
    info.put("updated_by", user);
    info.put("metastore_id", metastoreId);
    if (!kind.equals("catalog")) {
      String[] parts = fullName.split("\\.");
      info.put("catalog_name", parts[0]);
      if (kind.equals("schema")) {
        info.put("name", parts[1]);
      } else {
        info.put("schema_name", parts[1]);
        info.put("name", parts[2]);
      }
    }
    if (kind.equals("catalog")) {
      info.put("securable_type", "CATALOG");
    }
    info.put("browse_only", false);
    securables.get(kind).put(key, info);
    return info.deepCopy();
  }

  private synchronized ObjectNode get(String kind, String fullName) {
    return find(kind, fullName, true).deepCopy();
  }

  private Reply list(Call call, String kind, String field, Predicate<ObjectNode> filter) {
    int size = Pages.size(call.longParam("max_results", 0), ctx.pageSize());
    List<ObjectNode> matching = new ArrayList<>();
    synchronized (this) {
      securables.get(kind).values().stream().filter(filter).forEach(n -> matching.add(n.deepCopy()));
    }
    boolean omitColumns = call.bool("omit_columns", false);
    boolean omitProperties = call.bool("omit_properties", false);
    Pages.Page<ObjectNode> page = Pages.after(matching, n -> n.get("full_name").asText().toLowerCase(Locale.ROOT),
        call.param("page_token"), size);
    List<ObjectNode> items = page.items();
    if (omitColumns || omitProperties) {
      items.forEach(n -> {
        if (omitColumns) {
          n.remove("columns");
        }
        if (omitProperties) {
          n.remove("properties");
        }
      });
    }
    ObjectNode out = Json.object(field, Json.array(items));
    Json.put(out, "next_page_token", page.nextToken());
    return Reply.json(out);
  }

  private Reply summaries(Call call) {
    String catalog = call.required("catalog_name");
    synchronized (this) {
      find("catalog", catalog, true);
    }
    Pattern schemas = like(call.param("schema_name_pattern"));
    Pattern tables = like(call.param("table_name_pattern"));
    int size = Pages.size(call.longParam("max_results", 0), ctx.pageSize());
    List<ObjectNode> matching = new ArrayList<>();
    synchronized (this) {
      for (ObjectNode t : securables.get("table").values()) {
        if (t.get("catalog_name").asText().equalsIgnoreCase(catalog)
            && schemas.matcher(t.get("schema_name").asText()).matches()
            && tables.matcher(t.get("name").asText()).matches()) {
          matching.add(Json.object("full_name", t.get("full_name").asText(), "table_type", t.get("table_type").asText()));
        }
      }
    }
    Pages.Page<ObjectNode> page = Pages.after(matching, n -> n.get("full_name").asText().toLowerCase(Locale.ROOT),
        call.param("page_token"), size);
    ObjectNode out = Json.object("tables", Json.array(page.items()));
    Json.put(out, "next_page_token", page.nextToken());
    return Reply.json(out);
  }

  private Reply update(Call call, String kind, String fullName) {
    ObjectNode changes = call.body().deepCopy();
    String newName = Json.string(changes, "new_name");
    changes.remove("new_name");
    changes.remove("name");
    changes.remove("full_name");
    String renamedFrom = null;
    ObjectNode result;
    synchronized (this) {
      ObjectNode info = find(kind, fullName, true);
      String oldKey = info.get("full_name").asText().toLowerCase(Locale.ROOT);
      for (String immutable : List.of("catalog_name", "schema_name", "metastore_id", "created_at", "created_by",
          "table_id", "volume_id", "schema_id", "storage_location")) {
        changes.remove(immutable);
      }
      Json.merge(info, changes);
      info.put("updated_at", ctx.now());
      info.put("updated_by", call.user());
      if (newName != null && !newName.equalsIgnoreCase(info.get("name").asText())) {
        if (!IDENTIFIER.matcher(newName).matches()) {
          throw ApiException.invalid("Invalid name: " + newName);
        }
        renamedFrom = info.get("full_name").asText();
        rename(kind, oldKey, info, newName);
      }
      result = info.deepCopy();
    }
    if (renamedFrom != null) {
      listener.renamed(kind, renamedFrom, result.get("full_name").asText());
    }
    return kind.equals("table") ? Reply.empty() : Reply.json(result);
  }

  private void rename(String kind, String oldKey, ObjectNode info, String newName) {
    String oldFull = info.get("full_name").asText();
    String prefix = oldFull.contains(".") ? oldFull.substring(0, oldFull.lastIndexOf('.') + 1) : "";
    String newFull = prefix + newName;
    if (anyKind(newFull.toLowerCase(Locale.ROOT), kind)) {
      throw ApiException.alreadyExists(capital(kind) + " '" + newFull + "' already exists");
    }
    securables.get(kind).remove(oldKey);
    info.put("name", newName);
    info.put("full_name", newFull);
    securables.get(kind).put(newFull.toLowerCase(Locale.ROOT), info);
    String oldDir = "/Volumes/" + oldFull.replace('.', '/');
    if (!kind.equals("table") && ctx.files().get(oldDir) != null) {
      ctx.files().move(oldDir, "/Volumes/" + newFull.replace('.', '/'));
    }
    int depth = kind.equals("catalog") ? 0 : kind.equals("schema") ? 1 : 2;
    for (String childKind : List.of("schema", "table", "volume")) {
      TreeMap<String, ObjectNode> children = securables.get(childKind);
      for (String key : new ArrayList<>(children.keySet())) {
        if (key.startsWith(oldKey + ".")) {
          ObjectNode child = children.remove(key);
          String[] parts = child.get("full_name").asText().split("\\.");
          parts[depth] = newName;
          child.put(depth == 0 ? "catalog_name" : "schema_name", newName);
          child.put("full_name", String.join(".", parts));
          children.put(child.get("full_name").asText().toLowerCase(Locale.ROOT), child);
        }
      }
    }
  }

  private Reply delete(Call call, String kind, String fullName) {
    boolean force = call.bool("force", false);
    String deleted;
    synchronized (this) {
      ObjectNode info = find(kind, fullName, true);
      String key = info.get("full_name").asText().toLowerCase(Locale.ROOT);
      boolean hasChildren = false;
      for (String childKind : List.of("schema", "table", "volume")) {
        hasChildren |= securables.get(childKind).keySet().stream().anyMatch(k -> k.startsWith(key + "."));
      }
      if (hasChildren && !force) {
        throw new ApiException(400, kind.toUpperCase(Locale.ROOT) + "_NOT_EMPTY", capital(kind) + " '"
            + info.get("full_name").asText() + "' is not empty. Delete its contents first or set force=true.");
      }
      for (String k : List.of("catalog", "schema", "table", "volume")) {
        securables.get(k).keySet().removeIf(x -> x.equals(key) && k.equals(kind) || x.startsWith(key + "."));
      }
      if (!kind.equals("table")) {
        ctx.files().delete("/Volumes/" + info.get("full_name").asText().replace('.', '/'), true);
      }
      deleted = info.get("full_name").asText();
    }
    listener.deleted(kind, deleted);
    return Reply.empty();
  }

  /**
   * Records a securable that SQL created, or replaces the fields of one that exists, without
   * telling the listener (the engine made it). Returns false when its parent does not exist.
   */
  synchronized boolean define(String kind, String fullName, ObjectNode fields, String user) {
    ObjectNode existing = find(kind, fullName, false);
    if (existing != null) {
      Json.merge(existing, fields);
      existing.put("updated_at", ctx.now());
      existing.put("updated_by", user);
      return true;
    }
    String parentKind = parentKind(kind);
    if (parentKind != null && find(parentKind, fullName.substring(0, fullName.lastIndexOf('.')), false) == null) {
      return false;
    }
    ObjectNode info = fields.deepCopy();
    info.put("full_name", fullName);
    switch (kind) {
      case "catalog" -> {
        info.put("name", fullName);
        info.put("catalog_type", "MANAGED_CATALOG");
        info.put("isolation_mode", "OPEN");
        info.put("storage_location", "s3://testkit-metastore/" + metastoreId + "/catalogs/" + ctx.ids().uuid());
      }
      case "schema" -> {
        info.put("schema_id", ctx.ids().uuid());
        info.put("catalog_type", "MANAGED_CATALOG");
      }
      default -> {
        String id = ctx.ids().uuid();
        info.put("table_id", id);
        info.put("storage_location", "s3://testkit-metastore/" + metastoreId + "/tables/" + id);
      }
    }
    insert(kind, fullName, info, user);
    return true;
  }

  /** Forgets a securable that SQL dropped, and its children, without telling the listener. */
  synchronized void forget(String kind, String fullName) {
    String key = fullName.toLowerCase(Locale.ROOT);
    if (find(kind, fullName, false) == null) {
      return;
    }
    for (String k : List.of("catalog", "schema", "table", "volume")) {
      securables.get(k).keySet().removeIf(x -> x.equals(key) && k.equals(kind) || x.startsWith(key + "."));
    }
    if (!kind.equals("table")) {
      ctx.files().delete("/Volumes/" + fullName.replace('.', '/'), true);
    }
  }

  /** Every securable of a kind, copied, for an engine that starts after they were made. */
  synchronized List<ObjectNode> all(String kind) {
    List<ObjectNode> copies = new ArrayList<>();
    securables.get(kind).values().forEach(n -> copies.add(n.deepCopy()));
    return copies;
  }

  private ObjectNode find(String kind, String fullName, boolean required) {
    ObjectNode info = securables.get(kind).get(fullName.toLowerCase(Locale.ROOT));
    if (info == null && required) {
      throw ApiException.notFound(capital(kind) + " '" + fullName + "' does not exist.");
    }
    return info;
  }

  private boolean anyKind(String key, String kind) {
    if (kind.equals("table") || kind.equals("volume")) {
      return securables.get("table").containsKey(key) || securables.get("volume").containsKey(key);
    }
    return securables.get(kind).containsKey(key);
  }

  private Predicate<ObjectNode> in(String parentKind, String parent) {
    synchronized (this) {
      find(parentKind, parent, true);
    }
    String key = parent.toLowerCase(Locale.ROOT) + ".";
    return n -> n.get("full_name").asText().toLowerCase(Locale.ROOT).startsWith(key)
        && n.get("full_name").asText().substring(key.length()).indexOf('.') < 0;
  }

  private static String identifier(Call call, String field) {
    String name = call.required(field);
    if (!IDENTIFIER.matcher(name).matches()) {
      throw ApiException.invalid("Invalid " + field + " '" + name + "': no dots, spaces or slashes, at most 255 characters");
    }
    return name;
  }

  /** A SQL LIKE pattern ({@code %} and {@code _}) as a case-insensitive regex; null matches all. */
  private static Pattern like(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      return Pattern.compile(".*");
    }
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }

  private static String parentKind(String kind) {
    return switch (kind) {
      case "schema" -> "catalog";
      case "table", "volume" -> "schema";
      default -> null;
    };
  }

  private static String capital(String kind) {
    return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
  }

  @Override
  public String stateName() {
    return "unity-catalog";
  }

  /** The metastore id and every securable by kind and full name. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    ObjectNode out = Json.object("metastore_id", metastoreId);
    securables.forEach((kind, byName) -> out.set(kind, Snapshots.records(byName)));
    return out;
  }

  /** Replaces the records; the SQL engine learns them again when it next opens. */
  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    metastoreId = state.path("metastore_id").asText(metastoreId);
    securables.forEach((kind, byName) -> Snapshots.records(state.path(kind), byName));
  }
}
