package io.databricks4j.mixin.files;

import io.databricks4j.core.ApiClient;
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
import java.io.InterruptedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j");

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

  @FunctionalInterface
  private interface Source {
    InputStream open() throws IOException;
  }

  private void uploadReplayable(String path, Boolean overwrite, long length, Source source, TransferOptions options) {
    Progress progress = new Progress(options.progress(), length);
    int failures = 0;
    while (true) {
      progress.restart();
      CountingInputStream in;
      try {
        in = new CountingInputStream(source.open(), progress);
      } catch (IOException e) {
        throw new DatabricksException("cannot read the contents to upload to " + path + ": " + e, e);
      }
      try {
        put(path, overwrite, in, length);
        return;
      } catch (DatabricksException e) {
        failures++;
        if (failures > 1 && !Boolean.TRUE.equals(overwrite) && e instanceof DatabricksError d && d.statusCode() == 409) {
          throw interruptedUpload(path, in.count(), e, "An earlier attempt was interrupted and now the file exists:"
              + " that attempt may have completed on the server. Check its contents, or upload with overwrite.");
        }
        if (!Retries.retryable(e)) {
          throw e;
        }
        if (failures >= options.maxAttempts()) {
          throw interruptedUpload(path, in.count(), e, "The upload was attempted " + failures
              + " times from its start, the most allowed (TransferOptions.maxAttempts).");
        }
        LOG.warn("upload of {} interrupted after {} of {} bytes ({}); sending it again from the start, attempt {} of {}",
            path, in.count(), length, e.getMessage(), failures + 1, options.maxAttempts());
        try {
          Retries.pause(failures, e);
        } catch (InterruptedIOException ie) {
          throw new DatabricksException("interrupted while waiting to retry the upload of " + path, ie);
        }
      }
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
    api.execute(b.build()).close();
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
