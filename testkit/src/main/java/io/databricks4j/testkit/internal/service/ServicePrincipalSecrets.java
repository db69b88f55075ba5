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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OAuth secrets of service principals, at the account and through the workspace proxy. A secret
 * made here is registered with the OAuth server: the principal's application id and the secret
 * then pass the client_credentials grant, as on Databricks.
 */
public final class ServicePrincipalSecrets implements Emulation, Durable {
  private final Context ctx;
  private final OAuth oauth;
  private final ScimDirectory directory;
  private final String base;
  private final Map<String, Secret> secrets = new LinkedHashMap<>();

  private record Secret(String principal, String applicationId, String value, ObjectNode info) {
  }

  /** @param base the collection path, with {@code {service_principal_id}} */
  public ServicePrincipalSecrets(Context ctx, OAuth oauth, ScimDirectory directory, String base) {
    this.ctx = ctx;
    this.oauth = oauth;
    this.directory = directory;
    this.base = base;
  }

  @Override
  public void register(Routes r) {
    r.on("POST", base, this::create)
        .on("GET", base, this::list)
        .on("DELETE", base + "/{secret_id}", this::delete);
  }

  private Reply create(Call call) {
    String principal = call.required("service_principal_id");
    ObjectNode sp = directory.servicePrincipal(principal);
    if (sp == null) {
      throw ApiException.notFound("Service principal " + principal + " does not exist");
    }
    Duration lifetime = lifetime(call.param("lifetime"));
    Instant now = Instant.ofEpochMilli(ctx.now());
    String value = "dose" + ctx.ids().secret(36);
    String id = ctx.ids().hex16();
    ObjectNode info = Json.object("id", id, "status", "ACTIVE", "secret_hash", sha256(value),
        "create_time", now.toString(), "update_time", now.toString(), "expire_time", now.plus(lifetime).toString());
    synchronized (this) {
      secrets.put(id, new Secret(principal, sp.get("applicationId").asText(), value, info));
    }
    oauth.registerClient(sp.get("applicationId").asText(), value);
    ObjectNode out = info.deepCopy();
    out.put("secret", value);
    return Reply.json(out);
  }

  private Reply list(Call call) {
    String principal = call.required("service_principal_id");
    List<ObjectNode> mine = new ArrayList<>();
    synchronized (this) {
      secrets.values().stream().filter(s -> s.principal().equals(principal)).forEach(s -> mine.add(s.info().deepCopy()));
    }
    // a page token names the last id served, so the pages must follow the ids, not the order of creation
    mine.sort(Comparator.comparing(s -> s.get("id").asText()));
    Pages.Page<ObjectNode> page = Pages.after(mine, s -> s.get("id").asText(), call.param("page_token"),
        Pages.size(call.longParam("page_size", 0), ctx.pageSize()));
    ObjectNode out = Json.object("secrets", Json.array(page.items()));
    Json.put(out, "next_page_token", page.nextToken());
    return Reply.json(out);
  }

  private Reply delete(Call call) {
    String principal = call.required("service_principal_id");
    String id = call.required("secret_id");
    Secret removed;
    synchronized (this) {
      Secret s = secrets.get(id);
      if (s == null || !s.principal().equals(principal)) {
        throw ApiException.notFound("Secret " + id + " of service principal " + principal + " does not exist");
      }
      removed = secrets.remove(id);
    }
    oauth.unregisterClient(removed.applicationId(), removed.value());
    return Reply.empty();
  }

  private static Duration lifetime(String text) {
    if (text == null || text.isBlank()) {
      return Duration.ofDays(730);
    }
    try {
      return Duration.parse("PT" + text.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("lifetime must be a duration such as \"3600s\", got " + text);
    }
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String stateName() {
    return base.contains("{account_id}") ? "service-principal-secrets-account" : "service-principal-secrets-workspace";
  }

  /** The secrets with their values; the OAuth server keeps which it accepts. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    ObjectNode out = Json.object();
    secrets.forEach((id, s) -> out.set(id, Json.object("principal", s.principal(), "application_id", s.applicationId(),
        "value", s.value(), "info", s.info().deepCopy())));
    return out;
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    secrets.clear();
    state.fields().forEachRemaining(f -> secrets.put(f.getKey(), new Secret(f.getValue().path("principal").asText(),
        f.getValue().path("application_id").asText(), f.getValue().path("value").asText(),
        Json.copyOf(f.getValue().get("info")))));
  }
}
