package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import io.databricks4j.testkit.internal.state.Snapshots;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Secret scopes (Databricks-backed), secrets and scope ACLs, with the name rules and limits of Databricks. */
public final class Secrets implements Emulation, Durable {
  private static final String V = "/api/2.0/secrets/";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,128}");
  private static final int MAX_SECRET = 128 * 1024;
  private static final List<String> PERMISSIONS = List.of("READ", "WRITE", "MANAGE");

  private final Context ctx;
  private final Map<String, Scope> scopes = new TreeMap<>();

  private static final class Scope {
    final Map<String, byte[]> values = new TreeMap<>();
    final Map<String, Long> updated = new TreeMap<>();
    final Map<String, String> acls = new TreeMap<>();
  }

  public Secrets(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void register(Routes r) {
    r.on("POST", V + "scopes/create", this::createScope)
        .on("POST", V + "scopes/delete", this::deleteScope)
        .on("GET", V + "scopes/list", this::listScopes)
        .on("POST", V + "put", this::put)
        .on("GET", V + "get", this::get)
        .on("GET", V + "list", this::list)
        .on("POST", V + "delete", this::delete)
        .on("POST", V + "acls/put", this::putAcl)
        .on("GET", V + "acls/get", this::getAcl)
        .on("GET", V + "acls/list", this::listAcls)
        .on("POST", V + "acls/delete", this::deleteAcl);
  }

  private Reply createScope(Call call) {
    String name = call.required("scope");
    if (!NAME.matcher(name).matches()) {
      throw ApiException.invalid("Scope name " + name + " is invalid: use at most 128 letters, digits, dashes, "
          + "underscores, periods and @");
    }
    String backend = call.param("scope_backend_type");
    if (backend != null && !backend.equals("DATABRICKS")) {
      throw ApiException.notImplemented("Secret scopes backed by " + backend + " are not emulated by the databricks4j testkit");
    }
    String manager = call.param("initial_manage_principal");
    if (manager != null && !manager.equals("users")) {
      throw ApiException.invalid("initial_manage_principal must be 'users' or absent");
    }
    synchronized (this) {
      if (scopes.containsKey(name)) {
        throw new ApiException(400, "RESOURCE_ALREADY_EXISTS", "Scope " + name + " already exists!");
      }
      Scope scope = new Scope();
      scope.acls.put(call.user(), "MANAGE");
      if (manager != null) {
        scope.acls.put("users", "MANAGE");
      }
      scopes.put(name, scope);
    }
    return Reply.empty();
  }

  private Reply deleteScope(Call call) {
    String name = call.required("scope");
    synchronized (this) {
      scope(name);
      scopes.remove(name);
    }
    return Reply.empty();
  }

  private synchronized Reply listScopes(Call call) {
    ArrayNode items = Json.array();
    scopes.keySet().forEach(n -> items.add(Json.object("name", n, "backend_type", "DATABRICKS")));
    return Reply.json(Json.object("scopes", items));
  }

  private Reply put(Call call) {
    String scopeName = call.required("scope");
    String key = call.required("key");
    String text = call.param("string_value");
    String bytes = call.param("bytes_value");
    if ((text == null) == (bytes == null)) {
      throw ApiException.invalid("Exactly one of string_value and bytes_value must be set");
    }
    if (!NAME.matcher(key).matches()) {
      throw ApiException.invalid("Secret key " + key + " is invalid: use at most 128 letters, digits, dashes, "
          + "underscores, periods and @");
    }
    byte[] value;
    if (text != null) {
      value = text.getBytes(StandardCharsets.UTF_8);
    } else {
      try {
        value = Base64.getDecoder().decode(bytes);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("bytes_value is not valid base64");
      }
    }
    if (value.length > MAX_SECRET) {
      throw new ApiException(400, "MAX_SECRET_SIZE_EXCEEDED", "A secret is at most 128 KB; this one is " + value.length + " bytes");
    }
    synchronized (this) {
      Scope scope = scope(scopeName);
      scope.values.put(key, value);
      scope.updated.put(key, ctx.now());
    }
    return Reply.empty();
  }

  private Reply get(Call call) {
    String scopeName = call.required("scope");
    String key = call.required("key");
    synchronized (this) {
      byte[] value = scope(scopeName).values.get(key);
      if (value == null) {
        throw ApiException.notFound("Failed to get secret " + key + " for scope " + scopeName + ".");
      }
      return Reply.json(Json.object("key", key, "value", Base64.getEncoder().encodeToString(value)));
    }
  }

  private Reply list(Call call) {
    String scopeName = call.required("scope");
    synchronized (this) {
      Scope scope = scope(scopeName);
      ArrayNode items = Json.array();
      scope.updated.forEach((k, t) -> items.add(Json.object("key", k, "last_updated_timestamp", t)));
      return Reply.json(Json.object("secrets", items));
    }
  }

  private Reply delete(Call call) {
    String scopeName = call.required("scope");
    String key = call.required("key");
    synchronized (this) {
      Scope scope = scope(scopeName);
      if (scope.values.remove(key) == null) {
        throw ApiException.notFound("Secret " + key + " does not exist in scope " + scopeName + ".");
      }
      scope.updated.remove(key);
    }
    return Reply.empty();
  }

  private Reply putAcl(Call call) {
    String scopeName = call.required("scope");
    String principal = call.required("principal");
    String permission = call.required("permission");
    if (!PERMISSIONS.contains(permission)) {
      throw ApiException.invalid("Invalid permission " + permission + "; use READ, WRITE or MANAGE");
    }
    synchronized (this) {
      scope(scopeName).acls.put(principal, permission);
    }
    return Reply.empty();
  }

  private Reply getAcl(Call call) {
    String scopeName = call.required("scope");
    String principal = call.required("principal");
    synchronized (this) {
      String permission = scope(scopeName).acls.get(principal);
      if (permission == null) {
        throw ApiException.notFound("No ACL for principal " + principal + " in scope " + scopeName + ".");
      }
      return Reply.json(Json.object("principal", principal, "permission", permission));
    }
  }

  private Reply listAcls(Call call) {
    String scopeName = call.required("scope");
    synchronized (this) {
      ArrayNode items = Json.array();
      scope(scopeName).acls.forEach((p, perm) -> items.add(Json.object("principal", p, "permission", perm)));
      return Reply.json(Json.object("items", items));
    }
  }

  private Reply deleteAcl(Call call) {
    String scopeName = call.required("scope");
    String principal = call.required("principal");
    synchronized (this) {
      if (scope(scopeName).acls.remove(principal) == null) {
        throw ApiException.notFound("No ACL for principal " + principal + " in scope " + scopeName + ".");
      }
    }
    return Reply.empty();
  }

  private Scope scope(String name) {
    Scope scope = scopes.get(name);
    if (scope == null) {
      throw ApiException.notFound("Scope " + name + " does not exist!");
    }
    return scope;
  }

  @Override
  public String stateName() {
    return "secrets";
  }

  /** Scopes with their ACLs and secrets, values in base64. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    ObjectNode out = Json.object();
    scopes.forEach((name, scope) -> {
      ObjectNode values = Json.object();
      scope.values.forEach((k, v) -> values.set(k, Json.object("value", Base64.getEncoder().encodeToString(v),
          "updated", scope.updated.get(k))));
      out.set(name, Json.object("secrets", values, "acls", Snapshots.texts(scope.acls)));
    });
    return out;
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    scopes.clear();
    state.fields().forEachRemaining(f -> {
      Scope scope = new Scope();
      f.getValue().path("secrets").fields().forEachRemaining(v -> {
        scope.values.put(v.getKey(), Base64.getDecoder().decode(v.getValue().path("value").asText()));
        scope.updated.put(v.getKey(), v.getValue().path("updated").asLong());
      });
      Snapshots.texts(f.getValue().path("acls"), scope.acls, k -> k);
      scopes.put(f.getKey(), scope);
    });
  }
}
