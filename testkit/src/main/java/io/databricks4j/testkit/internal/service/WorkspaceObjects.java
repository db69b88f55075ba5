package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.FileStore;
import io.databricks4j.testkit.internal.FileStore.FileStoreException;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Workspace objects: notebooks, files, directories and repo folders, with import and export in
 * SOURCE, JUPYTER, DBC, AUTO and RAW (HTML and R_MARKDOWN answer 501), list, mkdirs, delete and
 * get-status. Starts with {@code /Users/<user>}, {@code /Shared} and {@code /Repos}.
 */
public final class WorkspaceObjects implements Emulation, Durable {
  private static final String V = "/api/2.0/workspace/";
  private static final int MAX_CONTENT = 10 * 1024 * 1024;

  private final Context ctx;
  private final NavigableMap<String, Obj> objects = new TreeMap<>();

  static final class Obj {
    final long id;
    final String path;
    final String type;
    final long createdAt;
    long modifiedAt;
    Notebooks.Notebook notebook;
    boolean jupyter;
    byte[] content;

    Obj(long id, String path, String type, long now) {
      this.id = id;
      this.path = path;
      this.type = type;
      this.createdAt = now;
      this.modifiedAt = now;
    }

    boolean container() {
      return type.equals("DIRECTORY") || type.equals("REPO");
    }
  }

  public WorkspaceObjects(Context ctx) {
    this.ctx = ctx;
    long now = ctx.now();
    objects.put("/", new Obj(0, "/", "DIRECTORY", now));
    for (String p : List.of("/Users", "/Users/" + ctx.userName(), "/Shared", "/Repos")) {
      mkdirsLocked(p);
    }
    for (String type : List.of("notebooks", "directories", "files")) {
      ctx.permissionObjects(type, this::existsById);
    }
  }

  @Override
  public void register(Routes r) {
    r.on("POST", V + "import", this::importObject)
        .on("GET", V + "export", this::export)
        .on("GET", V + "list", this::list)
        .on("POST", V + "mkdirs", c -> {
          synchronized (this) {
            mkdirsLocked(path(c));
          }
          return Reply.empty();
        })
        .on("POST", V + "delete", this::delete)
        .on("GET", V + "get-status", c -> Reply.json(info(existing(path(c)))));
  }

  /** Creates the folder of a repo; the parent directories are made as needed. */
  synchronized void createRepoFolder(String path) {
    String p = normalize(path);
    if (objects.containsKey(p)) {
      throw ApiException.invalid("Path " + p + " already exists");
    }
    mkdirsLocked(parent(p));
    objects.put(p, new Obj(ctx.ids().next(), p, "REPO", ctx.now()));
  }

  synchronized void deleteTree(String path) {
    String p = normalize(path);
    objects.keySet().removeIf(k -> k.equals(p) || k.startsWith(p + "/"));
  }

  private synchronized boolean existsById(String id) {
    return objects.values().stream().anyMatch(o -> String.valueOf(o.id).equals(id));
  }

  private Reply importObject(Call call) {
    String path = path(call);
    String format = call.param("format") == null ? "SOURCE" : call.param("format");
    String language = call.param("language");
    boolean overwrite = call.bool("overwrite", false);
    byte[] content = decode(call.param("content"));
    if (content.length > MAX_CONTENT) {
      throw new ApiException(400, "MAX_NOTEBOOK_SIZE_EXCEEDED", "The content is larger than 10 MB");
    }
    Map<String, Obj> created = new LinkedHashMap<>();
    switch (format) {
      case "SOURCE" -> {
        String text = Notebooks.text(content);
        String lang = language != null ? language : Notebooks.languageOf(path, text);
        if (lang == null) {
          throw ApiException.missing("language");
        }
        created.put(path, notebook(path, Notebooks.fromSource(text, lang), false));
      }
      case "JUPYTER" -> created.put(stripExtension(path, ".ipynb"),
          notebook(stripExtension(path, ".ipynb"), Notebooks.fromJupyter(content, language), true));
      case "DBC" -> {
        Map<String, Notebooks.Notebook> notebooks = Notebooks.fromDbc(content);
        if (notebooks.size() == 1) {
          created.put(path, notebook(path, notebooks.values().iterator().next(), false));
        } else {
          notebooks.forEach((rel, nb) -> created.put(path + "/" + rel, notebook(path + "/" + rel, nb, false)));
        }
      }
      case "AUTO" -> {
        String text = Notebooks.text(content);
        String lang = Notebooks.languageOf(path, text);
        if (Notebooks.hasHeader(text) && lang != null) {
          String target = stripExtension(path, "." + Notebooks.extension(lang));
          created.put(target, notebook(target, Notebooks.fromSource(text, lang), false));
        } else if (path.endsWith(".ipynb")) {
          String target = stripExtension(path, ".ipynb");
          created.put(target, notebook(target, Notebooks.fromJupyter(content, language), true));
        } else {
          created.put(path, file(path, content));
        }
      }
      case "RAW" -> created.put(path, file(path, content));
      case "HTML", "R_MARKDOWN" -> throw ApiException.notImplemented(
          "Importing the " + format + " format is not emulated by the databricks4j testkit");
      default -> throw ApiException.invalid("Invalid format: " + format);
    }
    synchronized (this) {
      for (String p : created.keySet()) {
        Obj existing = objects.get(p);
        if (existing != null && (existing.container() || !overwrite)) {
          throw ApiException.alreadyExists("RESOURCE_ALREADY_EXISTS: " + p + " already exists");
        }
      }
      for (Obj o : created.values()) {
        Obj parent = objects.get(parent(o.path));
        if (parent == null && format.equals("DBC") && created.size() > 1) {
          mkdirsLocked(parent(o.path));
        } else if (parent == null || !parent.container()) {
          throw ApiException.notFound("The parent folder (" + parent(o.path) + ") does not exist.");
        }
        objects.put(o.path, o);
      }
    }
    return Reply.empty();
  }

  private Reply export(Call call) {
    String path = path(call);
    String format = call.param("format") == null ? "SOURCE" : call.param("format");
    boolean direct = call.bool("direct_download", false);
    byte[] content;
    String fileType;
    synchronized (this) {
      Obj o = existing(path);
      if (o.container()) {
        switch (format) {
          case "DBC" -> {
            content = Notebooks.toDbc(notebooksUnder(o.path));
            fileType = "dbc";
          }
          case "SOURCE", "AUTO" -> {
            content = sourceZip(o.path);
            fileType = "zip";
          }
          default -> throw ApiException.invalid("A directory can be exported in the DBC, SOURCE or AUTO format, not " + format);
        }
      } else if (o.type.equals("FILE")) {
        if (!List.of("SOURCE", "AUTO", "RAW").contains(format)) {
          throw ApiException.invalid("A file can be exported in the SOURCE, AUTO or RAW format, not " + format);
        }
        content = o.content;
        int dot = o.path.lastIndexOf('.');
        fileType = dot > o.path.lastIndexOf('/') ? o.path.substring(dot + 1) : "";
      } else {
        String effective = format.equals("AUTO") ? (o.jupyter ? "JUPYTER" : "SOURCE") : format;
        String name = o.path.substring(o.path.lastIndexOf('/') + 1);
        switch (effective) {
          case "SOURCE" -> {
            content = Notebooks.toSource(o.notebook).getBytes(StandardCharsets.UTF_8);
            fileType = Notebooks.extension(o.notebook.language());
          }
          case "JUPYTER" -> {
            content = Notebooks.toJupyter(o.notebook, name);
            fileType = "ipynb";
          }
          case "DBC" -> {
            content = Notebooks.toDbc(Map.of(name, o.notebook));
            fileType = "dbc";
          }
          case "HTML", "R_MARKDOWN" -> throw ApiException.notImplemented(
              "Exporting the " + format + " format is not emulated by the databricks4j testkit");
          default -> throw ApiException.invalid("Invalid format: " + format);
        }
      }
    }
    if (direct) {
      byte[] bytes = content;
      return exchange -> {
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\""
            + path.substring(path.lastIndexOf('/') + 1) + (fileType.isEmpty() ? "" : "." + fileType) + "\"");
        Reply.bytes(exchange, 200, "application/octet-stream", bytes);
      };
    }
    return Reply.json(Json.object("content", Base64.getEncoder().encodeToString(content), "file_type", fileType));
  }

  private Reply list(Call call) {
    String path = path(call);
    long after = call.longParam("notebooks_modified_after", 0);
    ArrayNode items = Json.array();
    synchronized (this) {
      Obj o = existing(path);
      if (!o.container()) {
        items.add(info(o));
      } else {
        String prefix = o.path.equals("/") ? "/" : o.path + "/";
        for (Obj child : objects.tailMap(prefix, false).values()) {
          if (!child.path.startsWith(prefix)) {
            break;
          }
          if (child.path.indexOf('/', prefix.length()) < 0 && !child.path.equals("/")
              && (after == 0 || !child.type.equals("NOTEBOOK") || child.modifiedAt > after)) {
            items.add(info(child));
          }
        }
      }
    }
    return Reply.json(Json.object("objects", items));
  }

  private Reply delete(Call call) {
    String path = path(call);
    boolean recursive = call.bool("recursive", false);
    synchronized (this) {
      Obj o = existing(path);
      if (o.path.equals("/")) {
        throw ApiException.invalid("The root directory cannot be deleted");
      }
      boolean hasChildren = objects.tailMap(o.path + "/", true).keySet().stream()
          .findFirst().filter(k -> k.startsWith(o.path + "/")).isPresent();
      if (hasChildren && !recursive) {
        throw new ApiException(400, "DIRECTORY_NOT_EMPTY", "Folder " + o.path + " is not empty; delete it with recursive=true");
      }
      deleteTree(o.path);
    }
    return Reply.empty();
  }

  private Obj notebook(String path, Notebooks.Notebook nb, boolean jupyter) {
    Obj o = new Obj(ctx.ids().next(), normalize(path), "NOTEBOOK", ctx.now());
    o.notebook = nb;
    o.jupyter = jupyter;
    return o;
  }

  private Obj file(String path, byte[] content) {
    Obj o = new Obj(ctx.ids().next(), normalize(path), "FILE", ctx.now());
    o.content = content;
    return o;
  }

  private ObjectNode info(Obj o) {
    ObjectNode out = Json.object("path", o.path, "object_type", o.type, "object_id", o.id,
        "resource_id", String.valueOf(o.id), "created_at", o.createdAt, "modified_at", o.modifiedAt);
    if (o.notebook != null) {
      out.put("language", o.notebook.language());
    }
    if (o.type.equals("FILE")) {
      out.put("size", o.content.length);
    }
    return out;
  }

  private Map<String, Notebooks.Notebook> notebooksUnder(String dir) {
    Map<String, Notebooks.Notebook> out = new LinkedHashMap<>();
    String root = dir.substring(dir.lastIndexOf('/') + 1);
    for (Obj o : new ArrayList<>(objects.values())) {
      if (o.notebook != null && o.path.startsWith(dir + "/")) {
        out.put(root + o.path.substring(dir.length()), o.notebook);
      }
    }
    return out;
  }

  private byte[] sourceZip(String dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Obj o : objects.values()) {
        if (!o.path.startsWith(dir + "/") || o.container()) {
          continue;
        }
        String rel = o.path.substring(dir.length() + 1);
        if (o.notebook != null) {
          zip.putNextEntry(new ZipEntry(rel + "." + Notebooks.extension(o.notebook.language())));
          zip.write(Notebooks.toSource(o.notebook).getBytes(StandardCharsets.UTF_8));
        } else {
          zip.putNextEntry(new ZipEntry(rel));
          zip.write(o.content);
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private Obj existing(String path) {
    Obj o;
    synchronized (this) {
      o = objects.get(normalize(path));
    }
    if (o == null) {
      throw ApiException.notFound("Path (" + path + ") doesn't exist.");
    }
    return o;
  }

  private void mkdirsLocked(String path) {
    String p = normalize(path);
    Obj o = objects.get(p);
    if (o != null) {
      if (!o.container()) {
        throw ApiException.alreadyExists("RESOURCE_ALREADY_EXISTS: Path (" + p + ") already exists and is not a directory.");
      }
      return;
    }
    mkdirsLocked(parent(p));
    objects.put(p, new Obj(ctx.ids().next(), p, "DIRECTORY", ctx.now()));
  }

  private static String path(Call call) {
    return normalize(call.required("path"));
  }

  /** Workspace paths are absolute; {@code /Workspace/...} names the same tree. */
  static String normalize(String path) {
    String p = path;
    if (p.startsWith("/Workspace/") || p.equals("/Workspace")) {
      p = p.substring("/Workspace".length());
      p = p.isEmpty() ? "/" : p;
    }
    try {
      return FileStore.normalize(p);
    } catch (FileStoreException e) {
      throw ApiException.invalid("Path (" + path + ") is not an absolute path.");
    }
  }

  private static String parent(String p) {
    int slash = p.lastIndexOf('/');
    return slash <= 0 ? "/" : p.substring(0, slash);
  }

  private static String stripExtension(String path, String ext) {
    return path.toLowerCase(java.util.Locale.ROOT).endsWith(ext) ? path.substring(0, path.length() - ext.length()) : path;
  }

  private static byte[] decode(String base64) {
    if (base64 == null) {
      return new byte[0];
    }
    try {
      return Base64.getDecoder().decode(base64.indexOf('\n') >= 0 ? base64.replaceAll("\\s", "") : base64);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("content is not valid base64: " + e.getMessage());
    }
  }

  @Override
  public String stateName() {
    return "workspace-objects";
  }

  /** Every object by path: notebooks as their cells, files in base64. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    ArrayNode out = Json.array();
    for (Obj o : objects.values()) {
      ObjectNode n = Json.object("id", o.id, "path", o.path, "type", o.type, "created", o.createdAt,
          "modified", o.modifiedAt);
      if (o.notebook != null) {
        n.set("notebook", Json.object("language", o.notebook.language(), "cells", Json.strings(o.notebook.cells()),
            "jupyter", o.jupyter));
      }
      if (o.content != null) {
        n.put("content", Base64.getEncoder().encodeToString(o.content));
      }
      out.add(n);
    }
    return out;
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    objects.clear();
    for (JsonNode n : state) {
      Obj o = new Obj(n.path("id").asLong(), n.path("path").asText(), n.path("type").asText(), n.path("created").asLong());
      o.modifiedAt = n.path("modified").asLong();
      JsonNode nb = n.get("notebook");
      if (nb != null) {
        List<String> cells = new ArrayList<>();
        nb.path("cells").forEach(c -> cells.add(c.asText()));
        o.notebook = new Notebooks.Notebook(nb.path("language").asText(), List.copyOf(cells));
        o.jupyter = nb.path("jupyter").asBoolean(false);
      }
      if (n.has("content")) {
        o.content = Base64.getDecoder().decode(n.get("content").asText());
      }
      objects.put(o.path, o);
    }
  }
}
