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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's OAuth app integrations. A custom app (confidential or public) gets a client id,
 * and a secret when confidential, that the emulator's OAuth server accepts for client
 * credentials (M2M) and for the authorization code flow with PKCE, at its registered redirect
 * URLs; deleting it revokes them. Published apps (the Databricks CLI, Power BI, Tableau) are
 * listed and can be enrolled.
 */
public final class OAuthIntegrations implements Emulation, Durable {
  private static final String V = "/api/2.0/accounts/{account_id}/oauth2/";
  private static final List<ObjectNode> PUBLISHED = List.of(
      published("databricks-cli", "Databricks CLI", false, List.of("http://localhost:8020")),
      published("power-bi", "Power BI", true, List.of("https://oauth.powerbi.com/views/oauthredirect.html")),
      published("tableau-desktop", "Tableau Desktop", false, List.of("http://localhost:55555/Callback")));

  private final Context ctx;
  private final OAuth oauth;
  private final Map<String, ObjectNode> custom = new LinkedHashMap<>();
  private final Map<String, ObjectNode> enrolled = new LinkedHashMap<>();

  public OAuthIntegrations(Context ctx, OAuth oauth) {
    this.ctx = ctx;
    this.oauth = oauth;
  }

  @Override
  public void register(Routes r) {
    r.on("POST", V + "custom-app-integrations", this::createCustom)
        .on("GET", V + "custom-app-integrations", c -> list(c, custom))
        .on("GET", V + "custom-app-integrations/{integration_id}", c -> Reply.json(find(custom, c).deepCopy()))
        .on("PATCH", V + "custom-app-integrations/{integration_id}", this::updateCustom)
        .on("DELETE", V + "custom-app-integrations/{integration_id}", this::deleteCustom)
        .on("POST", V + "published-app-integrations", this::enroll)
        .on("GET", V + "published-app-integrations", c -> list(c, enrolled))
        .on("GET", V + "published-app-integrations/{integration_id}", c -> Reply.json(find(enrolled, c).deepCopy()))
        .on("PATCH", V + "published-app-integrations/{integration_id}", this::updateEnrolled)
        .on("DELETE", V + "published-app-integrations/{integration_id}", c -> {
          synchronized (this) {
            find(enrolled, c);
            enrolled.remove(c.required("integration_id"));
          }
          return Reply.empty();
        })
        .on("GET", V + "published-apps", this::publishedApps);
  }

  private Reply createCustom(Call call) {
    String name = call.required("name");
    boolean confidential = call.bool("confidential", false);
    List<String> redirects = call.all("redirect_urls");
    String integrationId = ctx.ids().uuid();
    String clientId = ctx.ids().uuid();
    String secret = confidential ? "dose" + ctx.ids().secret(32) : null;
    ObjectNode app = Json.object("integration_id", integrationId, "client_id", clientId, "name", name,
        "confidential", confidential, "redirect_urls", Json.strings(redirects),
        "scopes", Json.strings(call.has("scopes") ? call.all("scopes") : List.of("all-apis")),
        "create_time", Instant.ofEpochMilli(ctx.now()).toString(), "creator_username", call.user());
    Json.put(app, "token_access_policy", call.node("token_access_policy"));
    Json.put(app, "user_authorized_scopes", call.node("user_authorized_scopes"));
    synchronized (this) {
      custom.put(integrationId, app);
    }
    oauth.registerApp(clientId, secret, redirects);
    ObjectNode out = Json.object("integration_id", integrationId, "client_id", clientId);
    Json.put(out, "client_secret", secret);
    return Reply.json(out);
  }

  private Reply updateCustom(Call call) {
    synchronized (this) {
      ObjectNode app = find(custom, call);
      for (String f : List.of("redirect_urls", "scopes", "token_access_policy", "user_authorized_scopes")) {
        JsonNode v = call.node(f);
        if (v != null) {
          app.set(f, v.deepCopy());
        }
      }
      List<String> redirects = new ArrayList<>();
      app.path("redirect_urls").forEach(u -> redirects.add(u.asText()));
      oauth.updateRedirects(app.get("client_id").asText(), redirects);
    }
    return Reply.empty();
  }

  private Reply deleteCustom(Call call) {
    synchronized (this) {
      ObjectNode app = find(custom, call);
      custom.remove(call.required("integration_id"));
      oauth.unregisterApp(app.get("client_id").asText());
    }
    return Reply.empty();
  }

  private Reply enroll(Call call) {
    String appId = call.required("app_id");
    ObjectNode app = PUBLISHED.stream().filter(p -> p.get("app_id").asText().equals(appId)).findFirst()
        .orElseThrow(() -> ApiException.notFound("Published app " + appId + " does not exist; list them with "
            + "GET /api/2.0/accounts/<account_id>/oauth2/published-apps"));
    String integrationId = ctx.ids().uuid();
    ObjectNode integration = Json.object("integration_id", integrationId, "app_id", appId,
        "name", app.get("name").asText(), "create_time", Instant.ofEpochMilli(ctx.now()).toString());
    Json.put(integration, "token_access_policy", call.node("token_access_policy"));
    synchronized (this) {
      if (enrolled.values().stream().anyMatch(e -> e.get("app_id").asText().equals(appId))) {
        throw ApiException.alreadyExists("Published app " + appId + " is already enrolled");
      }
      enrolled.put(integrationId, integration);
    }
    return Reply.json(Json.object("integration_id", integrationId));
  }

  private Reply updateEnrolled(Call call) {
    synchronized (this) {
      ObjectNode e = find(enrolled, call);
      Json.put(e, "token_access_policy", call.node("token_access_policy"));
    }
    return Reply.empty();
  }

  private Reply publishedApps(Call call) {
    int size = Pages.size(call.longParam("page_size", 0), ctx.pageSize());
    Pages.Page<ObjectNode> page = Pages.after(PUBLISHED.stream().sorted((a, b) -> a.get("app_id").asText()
        .compareTo(b.get("app_id").asText())).toList(), p -> p.get("app_id").asText(), call.param("page_token"), size);
    ObjectNode out = Json.object("apps", Json.array(page.items().stream().map(ObjectNode::deepCopy).toList()));
    Json.put(out, "next_page_token", page.nextToken());
    return Reply.json(out);
  }

  private synchronized Reply list(Call call, Map<String, ObjectNode> from) {
    int size = Pages.size(call.longParam("page_size", 0), ctx.pageSize());
    int offset = call.param("page_token") == null ? 0 : Pages.offsetOf(call.param("page_token"));
    Pages.Page<ObjectNode> page = Pages.offset(new ArrayList<>(from.values()), offset, size);
    ObjectNode out = Json.object("apps", Json.array(page.items().stream().map(ObjectNode::deepCopy).toList()));
    Json.put(out, "next_page_token", page.nextToken());
    return Reply.json(out);
  }

  private synchronized ObjectNode find(Map<String, ObjectNode> from, Call call) {
    String id = call.required("integration_id");
    ObjectNode found = from.get(id);
    if (found == null) {
      throw ApiException.notFound("OAuth app integration " + id + " does not exist.");
    }
    return found;
  }

  private static ObjectNode published(String id, String name, boolean confidential, List<String> redirects) {
    return Json.object("app_id", id, "client_id", id, "name", name, "description", name + " (published app)",
        "is_confidential_client", confidential, "redirect_urls", Json.strings(redirects),
        "scopes", Json.strings(List.of("all-apis", "offline_access")));
  }

  @Override
  public String stateName() {
    return "oauth-integrations";
  }

  /** Custom and published app integrations by id. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    return Json.object("custom", Snapshots.records(custom), "enrolled", Snapshots.records(enrolled));
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    Snapshots.records(state.path("custom"), custom);
    Snapshots.records(state.path("enrolled"), enrolled);
  }
}
