package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Ids;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Git folders (Repos) backed by a REPO object in the workspace tree, and Git credentials. Nothing
 * is cloned: a checkout moves the branch and derives a commit id from it.
 */
public final class Repos implements Emulation, Durable {
  private final Context ctx;
  private final WorkspaceObjects workspace;
  private final Map<Long, ObjectNode> repos = new LinkedHashMap<>();
  private final Map<Long, ObjectNode> credentials = new LinkedHashMap<>();

  public Repos(Context ctx, WorkspaceObjects workspace) {
    this.ctx = ctx;
    this.workspace = workspace;
    ctx.permissionObjects("repos", id -> {
      synchronized (this) {
        try {
          return repos.containsKey(Long.parseLong(id));
        } catch (NumberFormatException e) {
          return false;
        }
      }
    });
  }

  @Override
  public void register(Routes r) {
    r.on("POST", "/api/2.0/repos", this::create)
        .on("GET", "/api/2.0/repos/{repo_id}", c -> Reply.json(get(c.requiredLong("repo_id"))))
        .on("GET", "/api/2.0/repos", this::list)
        .on("PATCH", "/api/2.0/repos/{repo_id}", this::update)
        .on("DELETE", "/api/2.0/repos/{repo_id}", this::delete)
        .on("POST", "/api/2.0/git-credentials", this::createCredential)
        .on("GET", "/api/2.0/git-credentials", this::listCredentials)
        .on("GET", "/api/2.0/git-credentials/{credential_id}", c -> Reply.json(credential(c.requiredLong("credential_id"))))
        .on("PATCH", "/api/2.0/git-credentials/{credential_id}", this::updateCredential)
        .on("DELETE", "/api/2.0/git-credentials/{credential_id}", this::deleteCredential);
  }

  private Reply create(Call call) {
    String url = call.required("url");
    String provider = call.param("provider");
    if (provider == null || provider.isEmpty()) {
      provider = provider(url);
    }
    String name = url.replaceAll("/+$", "");
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\.git$", "");
    String path = call.param("path");
    if (path == null) {
      path = "/Repos/" + call.user() + "/" + name;
    }
    path = WorkspaceObjects.normalize(path);
    synchronized (this) {
      for (ObjectNode repo : repos.values()) {
        if (repo.get("path").asText().equals(path)) {
          throw new ApiException(400, "RESOURCE_ALREADY_EXISTS", "Path " + path + " already exists");
        }
      }
      workspace.createRepoFolder(path);
      long id = ctx.ids().next() * 1000 + 7;
      ObjectNode repo = Json.object("id", id, "url", url, "provider", provider, "path", path, "branch", "main",
          "head_commit_id", commit(url, "main"));
      if (call.node("sparse_checkout") != null) {
        repo.set("sparse_checkout", call.node("sparse_checkout").deepCopy());
      }
      repos.put(id, repo);
      return Reply.json(repo.deepCopy());
    }
  }

  private synchronized ObjectNode get(long id) {
    return find(id).deepCopy();
  }

  private Reply list(Call call) {
    String prefix = call.param("path_prefix");
    List<ObjectNode> matching = new ArrayList<>();
    synchronized (this) {
      for (ObjectNode repo : repos.values()) {
        if (prefix == null || repo.get("path").asText().startsWith(prefix)) {
          matching.add(repo.deepCopy());
        }
      }
    }
    Pages.Page<ObjectNode> page = Pages.after(matching, r -> Pages.numericKey(r.get("id").asLong()),
        call.param("next_page_token"), ctx.pageSize());
    ObjectNode out = Json.object("repos", Json.array(page.items()));
    Json.put(out, "next_page_token", page.nextToken());
    return Reply.json(out);
  }

  private Reply update(Call call) {
    long id = call.requiredLong("repo_id");
    String branch = call.param("branch");
    String tag = call.param("tag");
    if (branch != null && tag != null) {
      throw ApiException.invalid("Set branch or tag, not both");
    }
    synchronized (this) {
      ObjectNode repo = find(id);
      if (branch != null) {
        repo.put("branch", branch);
        repo.put("head_commit_id", commit(repo.get("url").asText(), branch));
      } else if (tag != null) {
        repo.remove("branch");
        repo.put("head_commit_id", commit(repo.get("url").asText(), "tags/" + tag));
      }
      if (call.node("sparse_checkout") != null) {
        repo.set("sparse_checkout", call.node("sparse_checkout").deepCopy());
      }
    }
    return Reply.empty();
  }

  private Reply delete(Call call) {
    long id = call.requiredLong("repo_id");
    synchronized (this) {
      ObjectNode repo = find(id);
      repos.remove(id);
      workspace.deleteTree(repo.get("path").asText());
    }
    return Reply.empty();
  }

  private Reply createCredential(Call call) {
    String provider = call.required("git_provider");
    synchronized (this) {
      long id = ctx.ids().next() * 1000 + 9;
      ObjectNode credential = Json.object("credential_id", id, "git_provider", provider);
      Json.put(credential, "git_username", call.param("git_username"));
      Json.put(credential, "name", call.param("name"));
      credentials.put(id, credential);
      return Reply.json(credential.deepCopy());
    }
  }

  private synchronized Reply listCredentials(Call call) {
    ArrayNode items = Json.array();
    credentials.values().forEach(c -> items.add(c.deepCopy()));
    return Reply.json(Json.object("credentials", items));
  }

  private synchronized ObjectNode credential(long id) {
    ObjectNode c = credentials.get(id);
    if (c == null) {
      throw ApiException.notFound("Git credential " + id + " does not exist");
    }
    return c.deepCopy();
  }

  private Reply updateCredential(Call call) {
    long id = call.requiredLong("credential_id");
    call.required("git_provider");
    synchronized (this) {
      credential(id);
      ObjectNode c = credentials.get(id);
      c.put("git_provider", call.param("git_provider"));
      Json.put(c, "git_username", call.param("git_username"));
      Json.put(c, "name", call.param("name"));
    }
    return Reply.empty();
  }

  private Reply deleteCredential(Call call) {
    long id = call.requiredLong("credential_id");
    synchronized (this) {
      credential(id);
      credentials.remove(id);
    }
    return Reply.empty();
  }

  private ObjectNode find(long id) {
    ObjectNode repo = repos.get(id);
    if (repo == null) {
      throw ApiException.notFound("Repo " + id + " does not exist");
    }
    return repo;
  }

  private static String provider(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.contains("github.com")) {
      return "gitHub";
    }
    if (u.contains("gitlab")) {
      return "gitLab";
    }
    if (u.contains("bitbucket")) {
      return "bitbucketCloud";
    }
    if (u.contains("dev.azure.com") || u.contains("visualstudio.com")) {
      return "azureDevOpsServices";
    }
    throw ApiException.invalid("The Git provider of " + url + " cannot be inferred; set provider");
  }

  private static String commit(String url, String ref) {
    return String.format("%016x%016x%08x", Ids.mix(url.hashCode()), Ids.mix(ref.hashCode()), ref.length());
  }

  @Override
  public String stateName() {
    return "repos";
  }

  /** Git folders and Git credentials by id. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    return Json.object("repos", Snapshots.records(repos), "credentials", Snapshots.records(credentials));
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    Snapshots.records(state.path("repos"), repos, Long::valueOf);
    Snapshots.records(state.path("credentials"), credentials, Long::valueOf);
  }
}
