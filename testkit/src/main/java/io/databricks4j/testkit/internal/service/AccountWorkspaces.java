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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Account workspaces: PROVISIONING to RUNNING after the start delay (FAILED when the name contains
 * "fail"), get, list (a bare JSON array, as Databricks answers), update by mask and delete.
 */
public final class AccountWorkspaces implements Emulation, Durable {
  private static final String V = "/api/2.0/accounts/{account_id}/workspaces";

  private final Context ctx;
  private final Map<Long, Workspace> workspaces = new LinkedHashMap<>();

  private static final class Workspace {
    final ObjectNode info;
    final Lifecycle life;

    Workspace(ObjectNode info, long now) {
      this(info, new Lifecycle("PROVISIONING", now));
    }

    Workspace(ObjectNode info, Lifecycle life) {
      this.info = info;
      this.life = life;
    }
  }

  public AccountWorkspaces(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void register(Routes r) {
    r.on("POST", V, this::create)
        .on("GET", V + "/{workspace_id}", c -> Reply.json(get(c.requiredLong("workspace_id"))))
        .on("GET", V, this::list)
        .on("PATCH", V + "/{workspace_id}", this::update)
        .on("DELETE", V + "/{workspace_id}", this::delete);
  }

  /**
   * Every workspace of the account is served on the emulator's one port, sharing its state: a
   * request naming a workspace ({@code X-Databricks-Workspace-Id}, as a client derived from an
   * account client sends) must name one that the account has.
   *
   * @throws ApiException 403 PERMISSION_DENIED when the account has no such workspace
   */
  public synchronized void checkServed(String workspaceId) {
    Long id = null;
    try {
      id = Long.valueOf(workspaceId.strip());
    } catch (NumberFormatException e) {
      // not a workspace id at all: reported below like an unknown one
    }
    if (id == null || !workspaces.containsKey(id)) {
      throw new ApiException(403, "PERMISSION_DENIED", "Workspace " + workspaceId + " (X-Databricks-Workspace-Id) is not a "
          + "workspace of account " + ctx.accountId() + " in this testkit: create it with the account workspaces API"
          + " first, or leave workspace_id unset to use the testkit's own workspace");
    }
  }

  private Reply create(Call call) {
    String name = call.required("workspace_name");
    ObjectNode info = call.body().deepCopy();
    synchronized (this) {
      for (Workspace w : workspaces.values()) {
        if (w.info.path("workspace_name").asText().equalsIgnoreCase(name)) {
          throw ApiException.alreadyExists("Workspace name " + name + " is already used in this account");
        }
      }
      long now = ctx.now();
      long id = 1_000_000_000_000_000L + ctx.ids().next() * 104_729;
      info.put("workspace_id", id);
      info.put("account_id", ctx.accountId());
      info.put("creation_time", now);
      if (!info.has("deployment_name")) {
        info.put("deployment_name", name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-"));
      }
      if (!info.has("cloud")) {
        info.put("cloud", "aws");
      }
      if (!info.has("pricing_tier")) {
        info.put("pricing_tier", "ENTERPRISE");
      }
      Workspace w = new Workspace(info, now);
      w.life.set("PROVISIONING", now, "RUNNING", ctx.stateDelayMillis());
      workspaces.put(id, w);
      return Reply.json(render(w));
    }
  }

  private synchronized ObjectNode get(long id) {
    return render(find(id));
  }

  private synchronized Reply list(Call call) {
    ArrayNode items = Json.array();
    workspaces.values().forEach(w -> items.add(render(w)));
    return Reply.json(items);
  }

  private Reply update(Call call) {
    long id = call.requiredLong("workspace_id");
    JsonNode changes = call.node("customer_facing_workspace");
    if (changes == null) {
      changes = call.body();
    }
    String mask = call.param("update_mask");
    synchronized (this) {
      Workspace w = find(id);
      if (mask == null || mask.isBlank()) {
        Json.merge(w.info, changes);
      } else {
        for (String field : mask.split(",")) {
          String f = field.trim();
          JsonNode v = changes.get(f);
          if (v == null || v.isNull()) {
            w.info.remove(f);
          } else {
            w.info.set(f, v.deepCopy());
          }
        }
      }
      w.info.put("workspace_id", id);
      return Reply.json(render(w));
    }
  }

  private Reply delete(Call call) {
    long id = call.requiredLong("workspace_id");
    synchronized (this) {
      find(id);
      workspaces.remove(id);
    }
    return Reply.empty();
  }

  private ObjectNode render(Workspace w) {
    w.life.advance(ctx.now(), (state, at) -> {
      if (state.equals("RUNNING") && w.info.path("workspace_name").asText().toLowerCase(Locale.ROOT).contains("fail")) {
        w.life.set("FAILED", at, null, 0);
      }
    });
    ObjectNode out = w.info.deepCopy();
    out.put("workspace_status", w.life.state());
    out.put("workspace_status_message", switch (w.life.state()) {
      case "PROVISIONING" -> "Workspace resources are being set up.";
      case "FAILED" -> "the testkit fails workspaces whose name contains 'fail'";
      default -> "Workspace is running.";
    });
    return out;
  }

  private Workspace find(long id) {
    Workspace w = workspaces.get(id);
    if (w == null) {
      throw ApiException.notFound("Workspace " + id + " does not exist.");
    }
    return w;
  }

  @Override
  public String stateName() {
    return "account-workspaces";
  }

  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    ObjectNode out = Json.object();
    workspaces.forEach((id, w) -> out.set(String.valueOf(id), Json.object("info", w.info.deepCopy(),
        "life", w.life.toJson())));
    return out;
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    workspaces.clear();
    state.fields().forEachRemaining(f -> workspaces.put(Long.valueOf(f.getKey()),
        new Workspace(Json.copyOf(f.getValue().get("info")), Lifecycle.fromJson(f.getValue().path("life")))));
  }
}
