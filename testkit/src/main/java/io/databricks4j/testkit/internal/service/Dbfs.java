package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.BlobWriter;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.FileStore;
import io.databricks4j.testkit.internal.FileStore.FileStoreException;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Handler;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import io.databricks4j.testkit.internal.state.Resettable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * DBFS on the shared {@link FileStore}: put (1 MB of inline contents), streaming
 * create/add-block/close with 1 MB blocks, read by offset and length (1 MB at most), get-status,
 * list, mkdirs, move and delete.
 */
public final class Dbfs implements Emulation, Resettable {
  private static final String V = "/api/2.0/dbfs/";
  static final int ONE_MB = 1024 * 1024;

  private final Context ctx;
  private final Map<Long, Handle> handles = new HashMap<>();

  private record Handle(String path, boolean overwrite, BlobWriter writer) {
  }

  public Dbfs(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void register(Routes r) {
    r.on("POST", V + "put", mapped(this::put))
        .on("POST", V + "create", mapped(this::create))
        .on("POST", V + "add-block", mapped(this::addBlock))
        .on("POST", V + "close", mapped(this::close))
        .on("GET", V + "read", mapped(this::read))
        .on("GET", V + "get-status", mapped(this::status))
        .on("GET", V + "list", mapped(this::list))
        .on("POST", V + "mkdirs", mapped(c -> {
          ctx.files().mkdirs(path(c, "path"));
          return Reply.empty();
        }))
        .on("POST", V + "move", mapped(c -> {
          ctx.files().move(path(c, "source_path"), path(c, "destination_path"));
          return Reply.empty();
        }))
        .on("POST", V + "delete", mapped(c -> {
          ctx.files().delete(path(c, "path"), c.bool("recursive", false));
          return Reply.empty();
        }));
  }

  private Reply put(Call call) {
    String path = path(call, "path");
    boolean overwrite = call.bool("overwrite", false);
    byte[] contents = decode(call.param("contents"), "contents");
    if (contents.length > ONE_MB) {
      throw new ApiException(400, "MAX_BLOCK_SIZE_EXCEEDED",
          "The contents of a put are " + contents.length + " bytes; the limit is 1 MB. Use create, add-block and close");
    }
    FileStore.Entry existing = ctx.files().get(path);
    if (existing != null && existing.directory()) {
      throw alreadyExists(path);
    }
    ctx.files().put(path, new io.databricks4j.testkit.internal.Blob.Memory(contents), overwrite);
    return Reply.empty();
  }

  private Reply create(Call call) {
    String path = path(call, "path");
    boolean overwrite = call.bool("overwrite", false);
    FileStore.Entry existing = ctx.files().get(path);
    if (existing != null && (existing.directory() || !overwrite)) {
      throw alreadyExists(path);
    }
    synchronized (handles) {
      long handle = ctx.ids().next();
      handles.put(handle, new Handle(path, overwrite, ctx.files().newWriter()));
      return Reply.json(Json.object("handle", handle));
    }
  }

  private Reply addBlock(Call call) {
    long id = call.requiredLong("handle");
    byte[] data = decode(call.required("data"), "data");
    if (data.length > ONE_MB) {
      throw new ApiException(400, "MAX_BLOCK_SIZE_EXCEEDED", "A block is " + data.length + " bytes; the limit is 1 MB");
    }
    Handle handle = handle(id);
    synchronized (handle) {
      try {
        handle.writer().write(data);
      } catch (IOException e) {
        throw new ApiException(500, "IO_ERROR", "Could not store the block: " + e.getMessage());
      }
    }
    return Reply.empty();
  }

  private Reply close(Call call) {
    long id = call.requiredLong("handle");
    Handle handle;
    synchronized (handles) {
      handle = handles.remove(id);
    }
    if (handle == null) {
      throw missingHandle(id);
    }
    synchronized (handle) {
      ctx.files().put(handle.path(), handle.writer().toBlob(), handle.overwrite());
    }
    return Reply.empty();
  }

  private Reply read(Call call) throws IOException {
    String path = path(call, "path");
    long offset = call.longParam("offset", 0);
    long length = call.longParam("length", 512 * 1024);
    if (offset < 0 || length < 0) {
      throw ApiException.invalid("offset and length must not be negative");
    }
    if (length > ONE_MB) {
      throw new ApiException(400, "MAX_READ_SIZE_EXCEEDED", "A read is at most 1 MB; asked for " + length + " bytes");
    }
    FileStore.Entry e = existing(path);
    if (e.directory()) {
      throw ApiException.invalid("The path " + path + " is a directory, not a file");
    }
    byte[] data = new byte[(int) Math.max(0, Math.min(length, e.size() - offset))];
    int read = 0;
    try (InputStream in = e.blob().open(Math.min(offset, e.size()))) {
      // in slices, as BlobWriter writes: a channel read goes through a direct buffer of its size
      int n;
      while (read < data.length && (n = in.read(data, read, Math.min(BlobWriter.SLICE, data.length - read))) > 0) {
        read += n;
      }
    }
    if (read < data.length) {
      data = Arrays.copyOf(data, read);
    }
    return Reply.json(Json.object("bytes_read", data.length, "data", Base64.getEncoder().encodeToString(data)));
  }

  private Reply status(Call call) {
    return Reply.json(info(existing(path(call, "path"))));
  }

  private Reply list(Call call) {
    String path = path(call, "path");
    FileStore.Entry e = existing(path);
    ArrayNode files = Json.array();
    if (e.directory()) {
      ctx.files().children(path).forEach(child -> files.add(info(child)));
    } else {
      files.add(info(e));
    }
    return Reply.json(Json.object("files", files));
  }

  private FileStore.Entry existing(String path) {
    FileStore.Entry e = ctx.files().get(path);
    if (e == null) {
      throw ApiException.notFound("No file or directory exists on path " + path + ".");
    }
    return e;
  }

  private static ObjectNode info(FileStore.Entry e) {
    return Json.object("path", e.path(), "is_dir", e.directory(), "file_size", e.size(),
        "modification_time", e.modifiedMillis());
  }

  private Handle handle(long id) {
    synchronized (handles) {
      Handle h = handles.get(id);
      if (h == null) {
        throw missingHandle(id);
      }
      return h;
    }
  }

  /** DBFS paths are absolute, with or without the {@code dbfs:} scheme. */
  static String path(Call call, String field) {
    String p = call.required(field);
    if (p.startsWith("dbfs:")) {
      p = p.substring(5);
    }
    if (!p.startsWith("/")) {
      throw ApiException.invalid("Path must be absolute: " + p);
    }
    return FileStore.normalize(p);
  }

  private static byte[] decode(String base64, String field) {
    if (base64 == null) {
      return new byte[0];
    }
    try {
      return Base64.getDecoder().decode(base64.indexOf('\n') >= 0 ? base64.replaceAll("\\s", "") : base64);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(field + " is not valid base64: " + e.getMessage());
    }
  }

  private static ApiException missingHandle(long id) {
    return ApiException.notFound("Handle " + id + " does not exist or was closed.");
  }

  private static ApiException alreadyExists(String path) {
    return new ApiException(400, "RESOURCE_ALREADY_EXISTS", "A file or directory already exists at the input path " + path + ".");
  }

  /** Words the file store's failures as DBFS does. */
  private static Handler mapped(Handler h) {
    return call -> {
      try {
        return h.handle(call);
      } catch (FileStoreException e) {
        throw switch (e.problem()) {
          case NOT_FOUND -> ApiException.notFound("No file or directory exists on path " + e.path() + ".");
          case ALREADY_EXISTS, IS_A_DIRECTORY -> alreadyExists(e.path());
          case NOT_A_DIRECTORY -> ApiException.invalid(e.path() + " is not a directory");
          case NOT_EMPTY -> new ApiException(400, "IO_ERROR", "Directory " + e.path()
              + " is not empty; delete it with recursive=true");
          case INVALID_PATH -> ApiException.invalid("Invalid path: " + e.path());
        };
      }
    };
  }

  /** Abandons the uploads in progress; their handles answer 404 from now on. */
  @Override
  public void reset() {
    synchronized (handles) {
      handles.values().forEach(h -> {
        synchronized (h) {
          h.writer().discard();
        }
      });
      handles.clear();
    }
  }
}
