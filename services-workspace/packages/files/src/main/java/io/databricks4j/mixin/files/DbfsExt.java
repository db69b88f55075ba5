package io.databricks4j.mixin.files;

import io.databricks4j.core.ApiClient;
import io.databricks4j.mixin.internal.TreeIterator;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.paging.PagedIterable;
import io.databricks4j.service.files.Create;
import io.databricks4j.service.files.CreateResponse;
import io.databricks4j.service.files.DbfsApi;
import io.databricks4j.service.files.Delete;
import io.databricks4j.service.files.FileInfo;
import io.databricks4j.service.files.GetStatusRequest;
import io.databricks4j.service.files.ListDbfsRequest;
import io.databricks4j.service.files.ListStatusResponse;
import io.databricks4j.service.files.MkDirs;
import io.databricks4j.service.files.Move;
import io.databricks4j.service.files.Put;
import io.databricks4j.service.files.ReadDbfsRequest;
import io.databricks4j.service.files.ReadResponse;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DBFS with streams: {@link #open} reads in 1 MB ranges or writes in 1 MB blocks, uploads and
 * downloads take an InputStream, a Path or bytes, {@link #list(String, boolean)} walks a tree
 * lazily. Every path may be written {@code /x}, {@code dbfs:/x} or {@code dbfs:///x}, here and in
 * the generated calls this class overrides.
 *
 * <pre>{@code
 * w.dbfs().upload("dbfs:/tmp/data.bin", Path.of("data.bin"), true);
 * try (InputStream in = w.dbfs().download("/tmp/data.bin")) { ... }
 * }</pre>
 */
public class DbfsExt extends DbfsApi {
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j");

  private final ApiClient api;

  public DbfsExt(ApiClient api) {
    super(api);
    this.api = api;
  }

  /**
   * Opens {@code path} for reading ({@link DbfsOpenOptions#read()}: an {@link InputStream}) or
   * writing ({@link DbfsOpenOptions#write()}: an {@link OutputStream}, complete when closed).
   *
   * @throws io.databricks4j.error.NotFound when reading a file that does not exist
   * @throws io.databricks4j.error.ResourceAlreadyExists when writing over a file without overwrite
   */
  @SuppressWarnings("unchecked")
  public <S extends Closeable> S open(String path, DbfsOpenOptions<S> options) {
    String p = DbfsPaths.normalize(path);
    if (options.isWrite()) {
      return (S) new DbfsOutputStream(this, p, options.overwrite(), new Progress(options.progress(), -1));
    }
    return (S) reader(p, options.progress());
  }

  /** Uploads {@code contents} (closed afterwards) in 1 MB blocks; an interruption fails with {@link TransferInterruptedException}. */
  public void upload(String path, InputStream contents, boolean overwrite) {
    upload(path, contents, overwrite, TransferOptions.defaults());
  }

  public void upload(String path, InputStream contents, boolean overwrite, TransferOptions options) {
    String p = DbfsPaths.normalize(path);
    try (InputStream in = contents; DbfsOutputStream out = new DbfsOutputStream(this, p, overwrite,
        new Progress(options.progress(), -1))) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new DatabricksException("cannot read the contents to upload to dbfs:" + p + ": " + e, e);
    }
  }

  /** Uploads the file {@code source}; an interrupted upload is written again from its start. */
  public void upload(String path, Path source, boolean overwrite) {
    upload(path, source, overwrite, TransferOptions.defaults());
  }

  public void upload(String path, Path source, boolean overwrite, TransferOptions options) {
    long size;
    try {
      size = Files.size(source);
    } catch (IOException e) {
      throw new DatabricksException("cannot read the size of " + source + " to upload it: " + e, e);
    }
    uploadReplayable(DbfsPaths.normalize(path), overwrite, size, () -> Files.newInputStream(source), options);
  }

  /** Uploads {@code contents}; an interrupted upload is written again from its start. */
  public void upload(String path, byte[] contents, boolean overwrite) {
    upload(path, contents, overwrite, TransferOptions.defaults());
  }

  public void upload(String path, byte[] contents, boolean overwrite, TransferOptions options) {
    Objects.requireNonNull(contents, "contents");
    uploadReplayable(DbfsPaths.normalize(path), overwrite, contents.length, () -> new ByteArrayInputStream(contents),
        options);
  }

  /** The contents of {@code path}, read in 1 MB ranges as the stream is read. Close it. */
  public InputStream download(String path) {
    return download(path, TransferOptions.defaults());
  }

  /** The contents of {@code path}; only {@link TransferOptions#progress()} applies. */
  public InputStream download(String path, TransferOptions options) {
    return reader(DbfsPaths.normalize(path), options.progress());
  }

  /** Downloads {@code path} into {@code target} through a temporary file moved over it once complete. */
  public void download(String path, Path target) {
    download(path, target, TransferOptions.defaults());
  }

  public void download(String path, Path target, TransferOptions options) {
    Path tmp = null;
    try (InputStream in = download(path, options)) {
      tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".part");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
    } catch (IOException e) {
      throw new DatabricksException("cannot download dbfs:" + DbfsPaths.normalize(path) + " to " + target + ": " + e, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the failure that got us here matters more
        }
      }
    }
  }

  /** The entries of {@code path} and, when {@code recursive}, of every directory below, listed as reached. */
  public PagedIterable<FileInfo> list(String path, boolean recursive) {
    String p = DbfsPaths.normalize(path);
    if (!recursive) {
      return list(p);
    }
    return () -> new TreeIterator<>(p, this::list, f -> Boolean.TRUE.equals(f.isDir()) ? f.path() : null);
  }

  /** Copies a file, streaming it through this process. */
  public void copy(String source, String destination, boolean overwrite) {
    try (InputStream in = download(source);
        DbfsOutputStream out = new DbfsOutputStream(this, DbfsPaths.normalize(destination), overwrite,
            new Progress(ProgressListener.NONE, -1))) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new DatabricksException("cannot copy " + source + " to " + destination + ": " + e, e);
    }
  }

  /** Moves a file or a directory on the server. */
  public void move(String source, String destination) {
    move(Move.builder().sourcePath(source).destinationPath(destination).build());
  }

  /**
   * Deletes {@code path}; a directory needs {@code recursive}. A large directory that DBFS deletes
   * only in part per call ({@code PARTIAL_DELETE}) is deleted again until it is gone.
   */
  public void delete(String path, boolean recursive) {
    Delete request = Delete.builder().path(path).recursive(recursive).build();
    // each PARTIAL_DELETE answer is an installment of the operation, not a failure: the failures of
    // each call are the pipeline's to retry
    for (int installment = 1; ; installment++) {
      try {
        delete(request);
        return;
      } catch (DatabricksError e) {
        if (!"PARTIAL_DELETE".equals(e.errorCode()) || installment >= 1000) {
          throw e;
        }
        LOG.debug("DBFS deleted part of {}; deleting again", path);
      }
    }
  }

  // The generated calls, with paths normalized.

  @Override
  public FileInfo getStatus(GetStatusRequest request) {
    return super.getStatus(request.toBuilder().path(DbfsPaths.normalize(request.path())).build());
  }

  @Override
  public ListStatusResponse listPage(ListDbfsRequest request) {
    return super.listPage(request.toBuilder().path(DbfsPaths.normalize(request.path())).build());
  }

  @Override
  public void mkdirs(MkDirs request) {
    super.mkdirs(request.toBuilder().path(DbfsPaths.normalize(request.path())).build());
  }

  @Override
  public void delete(Delete request) {
    super.delete(request.toBuilder().path(DbfsPaths.normalize(request.path())).build());
  }

  @Override
  public void move(Move request) {
    super.move(request.toBuilder().sourcePath(DbfsPaths.normalize(request.sourcePath()))
        .destinationPath(DbfsPaths.normalize(request.destinationPath())).build());
  }

  @Override
  public CreateResponse create(Create request) {
    return super.create(request.toBuilder().path(DbfsPaths.normalize(request.path())).build());
  }

  @Override
  public void put(Put request) {
    super.put(request.toBuilder().path(DbfsPaths.normalize(request.path())).build());
  }

  @Override
  public ReadResponse read(ReadDbfsRequest request) {
    return super.read(request.toBuilder().path(DbfsPaths.normalize(request.path())).build());
  }

  private InputStream reader(String path, ProgressListener listener) {
    FileInfo status = getStatus(path);
    if (Boolean.TRUE.equals(status.isDir())) {
      throw new DatabricksException("dbfs:" + path + " is a directory; list it, or open a file in it");
    }
    long size = status.fileSize() == null ? 0 : status.fileSize();
    return new DbfsInputStream(this, path, size, new Progress(listener, size));
  }

  /**
   * One create, add-block, ..., close sequence per attempt, each reading {@code source} from its
   * start. An add-block may not be sent twice, so the client retries the upload as a whole
   * ({@link ApiClient#retrying}); a failed attempt leaves its handle unclosed, so only a complete
   * attempt makes a file.
   */
  private void uploadReplayable(String path, boolean overwrite, long size, ReplayableSource source,
      TransferOptions options) {
    Progress progress = new Progress(options.progress(), size);
    try {
      api.retrying("upload of dbfs:" + path, options.maxAttempts(), () -> {
        progress.restart();
        try (InputStream in = source.open(); DbfsOutputStream out = new DbfsOutputStream(this, path, overwrite, progress)) {
          in.transferTo(out);
        } catch (IOException e) {
          throw new ReplayableSource.Unreadable(e);
        }
        return null;
      });
    } catch (ReplayableSource.Unreadable e) {
      throw new DatabricksException("cannot read the contents to upload to dbfs:" + path + ": " + e.getCause(),
          e.getCause());
    }
  }
}
