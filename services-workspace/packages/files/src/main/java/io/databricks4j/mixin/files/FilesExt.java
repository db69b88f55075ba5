package io.databricks4j.mixin.files;

import io.databricks4j.core.ApiClient;
import io.databricks4j.core.retry.RetryClassifier;
import io.databricks4j.core.retry.Retrying;
import io.databricks4j.mixin.internal.TreeIterator;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.RequestBody;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.error.NotFound;
import io.databricks4j.paging.PagedIterable;
import io.databricks4j.service.files.DirectoryEntry;
import io.databricks4j.service.files.DownloadRequest;
import io.databricks4j.service.files.DownloadResponse;
import io.databricks4j.service.files.FilesApi;
import io.databricks4j.service.files.GetMetadataResponse;
import io.databricks4j.service.files.UploadRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Files API ({@code /Volumes/...}) with streaming transfers: uploads send the body as it is
 * read, never buffered; downloads stream as one request, resume after a dropped connection, and
 * add parallel ranged requests when that one stream is too slow for the size of the file (see
 * {@link TransferOptions}).
 *
 * <pre>{@code
 * w.files().upload("/Volumes/main/default/v/data.bin", Path.of("data.bin"), true);
 * try (InputStream in = w.files().download("/Volumes/main/default/v/data.bin").contents()) { ... }
 * w.files().download("/Volumes/main/default/v/data.bin", Path.of("copy.bin"),
 *     TransferOptions.builder().progress((done, total) -> System.out.println(done + "/" + total)).build());
 * }</pre>
 *
 * <p>An interrupted upload of a Path or bytes is sent again from its start (a PUT replaces the
 * file as a whole). An InputStream cannot be read twice: its interrupted upload fails with a
 * {@link TransferInterruptedException} saying how many bytes were sent and what the path holds now.
 */
public class FilesExt extends FilesApi {
  private final ApiClient api;

  public FilesExt(ApiClient api) {
    super(api);
    this.api = api;
  }

  /** Uploads {@code contents}, streamed as read; see {@link #upload(String, InputStream, boolean, TransferOptions)}. */
  public void upload(String filePath, InputStream contents, boolean overwrite) {
    upload(filePath, contents, overwrite, TransferOptions.defaults());
  }

  /**
   * Uploads {@code contents} as it is read (sent chunked, never buffered), then closes it.
   *
   * @throws TransferInterruptedException when the connection fails after part of the stream was sent
   * @throws io.databricks4j.error.AlreadyExists when the file exists and {@code overwrite} is false
   */
  public void upload(String filePath, InputStream contents, boolean overwrite, TransferOptions options) {
    uploadStream(filePath, overwrite, contents, options);
  }

  /** Uploads the file {@code source}; see {@link #upload(String, Path, boolean, TransferOptions)}. */
  public void upload(String filePath, Path source, boolean overwrite) {
    upload(filePath, source, overwrite, TransferOptions.defaults());
  }

  /**
   * Uploads the file {@code source}, read as it is sent. An interrupted upload is sent again from
   * the start, up to {@link TransferOptions#maxAttempts()} times.
   */
  public void upload(String filePath, Path source, boolean overwrite, TransferOptions options) {
    long size;
    try {
      size = Files.size(source);
    } catch (IOException e) {
      throw new DatabricksException("cannot read the size of " + source + " to upload it: " + e, e);
    }
    uploadReplayable(filePath, overwrite, size, () -> Files.newInputStream(source), options);
  }

  /** Uploads {@code contents}; see {@link #upload(String, byte[], boolean, TransferOptions)}. */
  public void upload(String filePath, byte[] contents, boolean overwrite) {
    upload(filePath, contents, overwrite, TransferOptions.defaults());
  }

  /** Uploads {@code contents}; an interrupted upload is sent again, up to {@link TransferOptions#maxAttempts()} times. */
  public void upload(String filePath, byte[] contents, boolean overwrite, TransferOptions options) {
    Objects.requireNonNull(contents, "contents");
    uploadReplayable(filePath, overwrite, contents.length, () -> new ByteArrayInputStream(contents), options);
  }

  /** The generated call, routed through the streaming upload and its error reporting. */
  @Override
  public void upload(UploadRequest request) {
    Objects.requireNonNull(request, "request");
    InputStream contents = request.contents() == null ? InputStream.nullInputStream() : request.contents();
    uploadStream(request.filePath(), request.overwrite(), contents, TransferOptions.defaults());
  }

  /**
   * Downloads with the default {@link TransferOptions}: the returned {@code contents()} streams
   * one response, resumes after a dropped connection, and adds parallel ranged requests when one
   * stream is slow for the size of the file. Close it: closing before the end drops the connection.
   *
   * @throws NotFound when there is no such file
   */
  @Override
  public DownloadResponse download(DownloadRequest request) {
    Objects.requireNonNull(request, "request");
    return download(request.filePath(), TransferOptions.defaults());
  }

  /** Downloads {@code filePath} as a stream (close it) with its length, type and last modification. */
  public DownloadResponse download(String filePath, TransferOptions options) {
    return new RangedDownload(api, filePath, options).start().response();
  }

  /** Downloads {@code filePath} into {@code target}; see {@link #download(String, Path, TransferOptions)}. */
  public void download(String filePath, Path target) {
    download(filePath, target, TransferOptions.defaults());
  }

  /**
   * Downloads {@code filePath} into {@code target}, replacing it. Bytes are written straight to
   * their place in a temporary file next to {@code target} (parallel parts, when the download goes
   * parallel, from the end of the file backwards), which is moved over it once complete:
   * {@code target} is never left half-written.
   */
  public void download(String filePath, Path target, TransferOptions options) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    boolean done = false;
    try {
      RangedDownload d = new RangedDownload(api, filePath, options).start();
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
      d.writeTo(tmp);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } catch (IOException e) {
      throw new DatabricksException("cannot write the download of " + filePath + " to " + target + ": " + e, e);
    } finally {
      if (!done && tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the failure that got us here matters more
        }
      }
    }
  }

  /** Every entry under {@code directoryPath}, descending into subdirectories lazily when {@code recursive}. */
  public PagedIterable<DirectoryEntry> list(String directoryPath, boolean recursive) {
    if (!recursive) {
      return listDirectoryContents(directoryPath);
    }
    return () -> new TreeIterator<>(directoryPath, this::listDirectoryContents,
        e -> Boolean.TRUE.equals(e.isDirectory()) ? e.path() : null);
  }

  /** Deletes a directory; with {@code recursive}, its files and subdirectories first. */
  public void deleteDirectory(String directoryPath, boolean recursive) {
    if (recursive) {
      List<DirectoryEntry> children = new ArrayList<>();
      listDirectoryContents(directoryPath).forEach(children::add);
      for (DirectoryEntry e : children) {
        if (Boolean.TRUE.equals(e.isDirectory())) {
          deleteDirectory(e.path(), true);
        } else {
          delete(e.path());
        }
      }
    }
    deleteDirectory(directoryPath);
  }

  /**
   * One PUT per attempt, each reading {@code source} from its start. The pipeline cannot send a
   * stream twice, so the client retries the upload as a whole ({@link ApiClient#retrying}), up to
   * {@link TransferOptions#maxAttempts()} times.
   */
  private void uploadReplayable(String path, Boolean overwrite, long length, ReplayableSource source,
      TransferOptions options) {
    Attempts attempts = new Attempts(source, new Progress(options.progress(), length));
    try {
      api.retrying("upload of " + path, options.maxAttempts(), () -> {
        put(path, overwrite, attempts.next(), length);
        return null;
      });
    } catch (ReplayableSource.Unreadable e) {
      throw new DatabricksException("cannot read the contents to upload to " + path + ": " + e.getCause(), e.getCause());
    } catch (DatabricksException e) {
      if (attempts.count > 1 && !Boolean.TRUE.equals(overwrite) && e instanceof DatabricksError d
          && d.statusCode() == 409) {
        throw interruptedUpload(path, attempts.sent(), e, "An earlier attempt was interrupted and now the file exists:"
            + " that attempt may have completed on the server. Check its contents, or upload with overwrite.");
      }
      if (!RetryClassifier.classify(Retrying.cause(e), true).retry()) {
        throw e;
      }
      throw interruptedUpload(path, attempts.sent(), e, "The upload was attempted " + attempts.count + " times from"
          + " its start, the most allowed by TransferOptions.maxAttempts and retry_timeout_seconds.");
    }
  }

  /** The attempts of a replayable upload: how many were made, and what the last one read. */
  private static final class Attempts {
    private final ReplayableSource source;
    private final Progress progress;
    int count;
    private CountingInputStream last;

    Attempts(ReplayableSource source, Progress progress) {
      this.source = source;
      this.progress = progress;
    }

    /** The source opened again, its progress counted from zero. */
    CountingInputStream next() {
      count++;
      progress.restart();
      try {
        last = new CountingInputStream(source.open(), progress);
      } catch (IOException e) {
        throw new ReplayableSource.Unreadable(e);
      }
      return last;
    }

    long sent() {
      return last == null ? 0 : last.count();
    }
  }

  private void uploadStream(String path, Boolean overwrite, InputStream contents, TransferOptions options) {
    CountingInputStream in = new CountingInputStream(contents, new Progress(options.progress(), -1));
    try {
      put(path, overwrite, in, -1);
    } catch (DatabricksException e) {
      boolean rejected = e instanceof DatabricksError d && d.statusCode() >= 400 && d.statusCode() < 500
          && d.statusCode() != 429;
      if (rejected || in.count() == 0) {
        throw e;
      }
      throw interruptedUpload(path, in.count(), e, "An InputStream cannot be read a second time, so the upload was"
          + " not retried; upload from a Path or a byte[] to have interrupted uploads sent again automatically.");
    }
  }

  private void put(String path, Boolean overwrite, InputStream in, long length) {
    HttpRequest.Builder b = FilesHttp.request(api, "PUT", path)
        .body(RequestBody.of(in, length, RequestBody.OCTET_STREAM));
    if (overwrite != null) {
      b.query("overwrite", overwrite.toString());
    }
    api.call(b.build());
  }

  private TransferInterruptedException interruptedUpload(String path, long sent, RuntimeException cause, String why) {
    Long size = null;
    String now;
    try {
      GetMetadataResponse m = getMetadata(path);
      size = m.contentLength();
      now = path + " exists with " + size + " bytes" + (m.lastModified() == null ? "" : ", last modified " + m.lastModified());
    } catch (NotFound e) {
      now = path + " does not exist";
    } catch (RuntimeException e) {
      now = "the state of " + path + " could not be read (" + e.getMessage() + ")";
    }
    return new TransferInterruptedException("The upload of " + path + " failed after " + sent
        + " bytes had been sent: " + cause.getMessage() + ". " + why + " Now " + now + ".", path, sent, size, cause);
  }
}
