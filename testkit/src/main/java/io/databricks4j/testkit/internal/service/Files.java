package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import io.databricks4j.testkit.internal.BlobWriter;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.FileStore;
import io.databricks4j.testkit.internal.FileStore.FileStoreException;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Pages;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Handler;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Files API on the shared {@link FileStore}: streaming upload and download (single byte
 * ranges answered 206), metadata by HEAD, delete, and directories (create, list by page, HEAD,
 * delete when empty), for paths in existing Unity Catalog volumes only. Bodies are copied in
 * 64 KiB chunks, never held whole.
 */
public final class Files implements Emulation {
  private static final String FILES = "/api/2.0/fs/files{file_path}";
  private static final String DIRS = "/api/2.0/fs/directories{directory_path}";
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  private final Context ctx;
  private final VolumePaths volumes;

  public Files(Context ctx, VolumePaths volumes) {
    this.ctx = ctx;
    this.volumes = volumes;
  }

  @Override
  public void register(Routes r) {
    r.on("PUT", FILES, mapped(this::upload))
        .on("GET", FILES, mapped(this::download))
        .on("HEAD", FILES, mapped(this::metadata))
        .on("DELETE", FILES, mapped(this::delete))
        .on("PUT", DIRS, mapped(this::mkdir))
        .on("GET", DIRS, mapped(this::list))
        .on("HEAD", DIRS, mapped(this::directoryMetadata))
        .on("DELETE", DIRS, mapped(this::rmdir));
  }

  private Reply upload(Call call) throws IOException {
    String path = path(call, "file_path");
    boolean overwrite = call.bool("overwrite", true);
    FileStore.Entry existing = ctx.files().get(path);
    if (existing != null && (existing.directory() || !overwrite)) {
      throw conflict(path);
    }
    BlobWriter writer = ctx.files().newWriter();
    try (InputStream in = call.bodyStream()) {
      writer.transferFrom(in);
    } catch (IOException | RuntimeException e) {
      writer.discard();
      throw e;
    }
    ctx.files().put(path, writer.toBlob(), overwrite);
    return Reply.status(204);
  }

  private Reply download(Call call) {
    String path = path(call, "file_path");
    FileStore.Entry e = file(path);
    long size = e.size();
    long from = 0;
    long to = size - 1;
    int status = 200;
    String range = call.header("Range");
    if (range != null) {
      Matcher m = RANGE.matcher(range.trim());
      if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
        if (m.group(1).isEmpty()) {
          from = Math.max(0, size - Long.parseLong(m.group(2)));
        } else {
          from = Long.parseLong(m.group(1));
          to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
        }
        if (from >= size || from > to) {
          return exchange -> {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
            Reply.bytes(exchange, 416, "application/json", Json.bytes(Json.object("error_code", "INVALID_PARAMETER_VALUE",
                "message", "The range " + range + " is not satisfiable for a file of " + size + " bytes")));
          };
        }
        status = 206;
      }
    }
    long start = from;
    long length = size == 0 ? 0 : to - from + 1;
    int code = status;
    return exchange -> {
      Headers h = exchange.getResponseHeaders();
      headers(h, e);
      h.set("Accept-Ranges", "bytes");
      if (code == 206) {
        h.set("Content-Range", "bytes " + start + "-" + (start + length - 1) + "/" + size);
      }
      exchange.sendResponseHeaders(code, length == 0 ? -1 : length);
      if (length > 0) {
        try (InputStream in = e.blob().open(start); OutputStream out = exchange.getResponseBody()) {
          copy(in, out, length);
        }
      }
      exchange.close();
    };
  }

  private Reply metadata(Call call) {
    FileStore.Entry e = file(path(call, "file_path"));
    return exchange -> {
      headers(exchange.getResponseHeaders(), e);
      exchange.getResponseHeaders().set("Content-Length", Long.toString(e.size()));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    };
  }

  private Reply delete(Call call) {
    String path = path(call, "file_path");
    file(path);
    ctx.files().delete(path, false);
    return Reply.status(204);
  }

  private Reply mkdir(Call call) {
    String path = path(call, "directory_path");
    FileStore.Entry e = ctx.files().get(path);
    if (e != null && !e.directory()) {
      throw conflict(path);
    }
    ctx.files().mkdirs(path);
    return Reply.status(204);
  }

  private Reply list(Call call) {
    String path = path(call, "directory_path");
    directory(path);
    int size = Pages.size(call.longParam("page_size", 0), ctx.pageSize());
    List<FileStore.Entry> children = ctx.files().children(path);
    Pages.Page<FileStore.Entry> page = Pages.after(children, FileStore.Entry::name, call.param("page_token"), size);
    List<ObjectNode> contents = page.items().stream().map(c -> {
      ObjectNode entry = Json.object("path", c.path(), "name", c.name(), "is_directory", c.directory());
      if (!c.directory()) {
        entry.put("file_size", c.size());
        entry.put("last_modified", c.modifiedMillis());
      }
      return entry;
    }).toList();
    ObjectNode out = Json.object("contents", Json.array(contents));
    Json.put(out, "next_page_token", page.nextToken());
    return Reply.json(out);
  }

  private Reply directoryMetadata(Call call) {
    directory(path(call, "directory_path"));
    return Reply.status(200);
  }

  private Reply rmdir(Call call) {
    String path = path(call, "directory_path");
    directory(path);
    if (!ctx.files().children(path).isEmpty()) {
      throw new ApiException(400, "DIRECTORY_NOT_EMPTY", "The directory " + path
          + " is not empty; delete its contents first");
    }
    ctx.files().delete(path, false);
    return Reply.status(204);
  }

  private FileStore.Entry file(String path) {
    FileStore.Entry e = ctx.files().get(path);
    if (e == null || e.directory()) {
      throw new ApiException(404, "NOT_FOUND", "The file being accessed is not found: " + path);
    }
    return e;
  }

  private void directory(String path) {
    FileStore.Entry e = ctx.files().get(path);
    if (e == null || !e.directory()) {
      throw new ApiException(404, "NOT_FOUND", "The directory being accessed is not found: " + path);
    }
  }

  private static void headers(Headers h, FileStore.Entry e) {
    h.set("Content-Type", "application/octet-stream");
    h.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.ofEpochMilli(e.modifiedMillis()).atOffset(ZoneOffset.UTC)));
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        break;
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  /** The normalised path of a request, which must lie in an existing volume. */
  private String path(Call call, String param) {
    String path = FileStore.normalize(call.required(param));
    volumes.check(path, call.user(), param.equals("directory_path"));
    return path;
  }

  private static ApiException conflict(String path) {
    return new ApiException(409, "ALREADY_EXISTS", "The file being created already exists: " + path);
  }

  private static Handler mapped(Handler h) {
    return call -> {
      try {
        return h.handle(call);
      } catch (FileStoreException e) {
        throw switch (e.problem()) {
          case NOT_FOUND, NOT_A_DIRECTORY -> new ApiException(404, "NOT_FOUND", "Not found: " + e.path());
          case ALREADY_EXISTS, IS_A_DIRECTORY -> conflict(e.path());
          case NOT_EMPTY -> new ApiException(400, "DIRECTORY_NOT_EMPTY", "The directory " + e.path() + " is not empty");
          case INVALID_PATH -> ApiException.invalid("Invalid path: " + e.path());
        };
      }
    };
  }
}
