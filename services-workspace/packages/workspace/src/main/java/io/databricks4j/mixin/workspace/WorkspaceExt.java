package io.databricks4j.mixin.workspace;

import io.databricks4j.core.ApiClient;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.mixin.files.ProgressListener;
import io.databricks4j.mixin.internal.TreeIterator;
import io.databricks4j.paging.PagedIterable;
import io.databricks4j.service.workspace.ExportFormat;
import io.databricks4j.service.workspace.Import;
import io.databricks4j.service.workspace.ObjectInfo;
import io.databricks4j.service.workspace.ObjectType;
import io.databricks4j.service.workspace.WorkspaceApi;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;

/**
 * Workspace objects with upload and download in every format ({@code SOURCE}, {@code JUPYTER},
 * {@code DBC}, {@code AUTO}, {@code RAW}, ...) and a lazy recursive listing.
 *
 * <pre>{@code
 * w.workspace().upload("/Users/me/nb.py", Path.of("nb.py"), ImportOptions.builder()
 *     .format(ImportFormat.SOURCE).language(Language.PYTHON).overwrite(true).build());
 * try (InputStream in = w.workspace().download("/Users/me/nb", ExportFormat.JUPYTER)) { ... }
 * }</pre>
 */
public class WorkspaceExt extends WorkspaceApi {
  /** The service refuses larger imports; reading stops one byte past it. */
  public static final int MAX_IMPORT_BYTES = 10 * 1024 * 1024;

  private final ApiClient api;

  public WorkspaceExt(ApiClient api) {
    super(api);
    this.api = api;
  }

  /** Imports {@code contents} (read up to {@link #MAX_IMPORT_BYTES}, then closed) at {@code path}. */
  public void upload(String path, InputStream contents, ImportOptions options) {
    byte[] bytes;
    try (InputStream in = contents) {
      bytes = in.readNBytes(MAX_IMPORT_BYTES + 1);
    } catch (IOException e) {
      throw new DatabricksException("cannot read the contents to import at " + path + ": " + e, e);
    }
    upload(path, bytes, options);
  }

  /** Imports the file {@code source} at {@code path}. */
  public void upload(String path, Path source, ImportOptions options) {
    try {
      upload(path, Files.newInputStream(source), options);
    } catch (IOException e) {
      throw new DatabricksException("cannot read " + source + " to import it at " + path + ": " + e, e);
    }
  }

  /**
   * Imports {@code contents} at {@code path}.
   *
   * @throws IllegalArgumentException when the content is larger than {@link #MAX_IMPORT_BYTES}
   * @throws io.databricks4j.error.ResourceAlreadyExists when the object exists and overwrite is off
   */
  public void upload(String path, byte[] contents, ImportOptions options) {
    if (contents.length > MAX_IMPORT_BYTES) {
      throw new IllegalArgumentException("the workspace imports at most 10 MB; the content for " + path
          + " is larger. Put large files in a volume (files()) or DBFS (dbfs()) instead");
    }
    Import.Builder b = Import.builder().path(path).format(options.format()).overwrite(options.overwrite())
        .content(Base64.getEncoder().encodeToString(contents));
    options.language().ifPresent(b::language);
    importContent(b.build());
    options.progress().onProgress(contents.length, contents.length);
  }

  /** The object at {@code path} exported in {@code format}, streamed; close it. */
  public InputStream download(String path, ExportFormat format) {
    return download(path, format, ProgressListener.NONE);
  }

  /**
   * The object at {@code path} exported in {@code format} (a directory exports as a {@code DBC} or
   * a zip of sources), streamed as it is read; close it.
   *
   * @throws io.databricks4j.error.NotFound when there is no such object
   */
  public InputStream download(String path, ExportFormat format, ProgressListener progress) {
    HttpResponse r = api.stream(export(path, format), false);
    long total = r.contentLength();
    return new FilterInputStream(r.body()) {
      private long done;

      @Override
      public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
          progress.onProgress(++done, total);
        }
        return c;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          done += n;
          progress.onProgress(done, total);
        }
        return n;
      }

      @Override
      public void close() {
        r.close();
      }
    };
  }

  /** Exports the object at {@code path} in {@code format} into {@code target}, replacing it. */
  public void download(String path, ExportFormat format, Path target) {
    try (InputStream in = download(path, format)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new DatabricksException("cannot export " + path + " to " + target + ": " + e, e);
    }
  }

  /**
   * The bytes of the object at {@code path} exported in {@code format}, read inside the attempt: a
   * connection lost while they arrive is retried like any failed call.
   */
  public byte[] downloadBytes(String path, ExportFormat format) {
    return api.call(export(path, format), response -> response.body().readAllBytes());
  }

  /** The export itself answers (direct_download): no JSON with Base64 to decode. */
  private HttpRequest export(String path, ExportFormat format) {
    HttpRequest.Builder b = HttpRequest.builder("GET", "/api/2.0/workspace/export")
        .query("path", path).query("format", format.value()).query("direct_download", "true");
    api.workspaceId().ifPresent(id -> b.header("X-Databricks-Workspace-Id", id));
    return b.build();
  }

  /**
   * The objects under {@code path}; with {@code recursive}, those of every directory and repo
   * below too, each listed when the iteration reaches it.
   */
  public PagedIterable<ObjectInfo> list(String path, boolean recursive) {
    if (!recursive) {
      return list(path);
    }
    return () -> new TreeIterator<>(path, this::list,
        o -> o.objectType() == ObjectType.DIRECTORY || o.objectType() == ObjectType.REPO ? o.path() : null);
  }

}
