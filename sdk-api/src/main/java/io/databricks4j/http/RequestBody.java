package io.databricks4j.http;

import io.databricks4j.error.DatabricksException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The body of a request. Bytes and files are replayable: a retry sends them again in full. An
 * {@link InputStream} is read once, as it is sent, and never buffered: a request whose stream
 * body was read is never retried.
 */
public final class RequestBody {
  /** {@code application/json}. */
  public static final String JSON = "application/json";
  /** {@code application/octet-stream}. */
  public static final String OCTET_STREAM = "application/octet-stream";

  private final byte[] bytes;
  private final Path file;
  private final InputStream stream;
  private final long length;
  private final String contentType;
  private final AtomicBoolean streamTaken = new AtomicBoolean();

  private RequestBody(byte[] bytes, Path file, InputStream stream, long length, String contentType) {
    this.bytes = bytes;
    this.file = file;
    this.stream = stream;
    this.length = length;
    this.contentType = Objects.requireNonNull(contentType, "contentType");
  }

  /** A replayable body of a copy of {@code bytes}. */
  public static RequestBody of(byte[] bytes, String contentType) {
    byte[] copy = bytes.clone();
    return new RequestBody(copy, null, null, copy.length, contentType);
  }

  /** A replayable body of {@code text} in UTF-8. */
  public static RequestBody of(String text, String contentType) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return new RequestBody(b, null, null, b.length, contentType);
  }

  /** A replayable JSON body. */
  public static RequestBody json(String json) {
    return of(json, JSON);
  }

  /**
   * A body read from {@code stream} while it is sent; it is not replayable, so the request is not
   * retried once the stream has been read. The pipeline closes the stream.
   *
   * @param length the number of bytes, or -1 when unknown (sent chunked)
   */
  public static RequestBody of(InputStream stream, long length, String contentType) {
    if (length < -1) {
      throw new IllegalArgumentException("length must be -1 (unknown) or at least 0, got " + length);
    }
    return new RequestBody(null, null, Objects.requireNonNull(stream, "stream"), length, contentType);
  }

  /** A replayable body of the file at {@code path}, as {@code application/octet-stream}. */
  public static RequestBody ofFile(Path path) {
    return ofFile(path, OCTET_STREAM);
  }

  /** A replayable body of the file at {@code path}; its size is read now. */
  public static RequestBody ofFile(Path path, String contentType) {
    try {
      return new RequestBody(null, path, null, Files.size(path), contentType);
    } catch (IOException e) {
      throw new DatabricksException("cannot read the size of " + path + ": " + e, e);
    }
  }

  /** Whether a retry can send the body again. */
  public boolean isReplayable() {
    return stream == null;
  }

  /** The number of bytes, or -1 when unknown. */
  public long contentLength() {
    return length;
  }

  public String contentType() {
    return contentType;
  }

  /** Whether this is a stream body whose stream was already handed out. */
  public boolean isConsumed() {
    return stream != null && streamTaken.get();
  }

  /**
   * The content as a stream, from the beginning for a replayable body.
   *
   * @throws IllegalStateException for a stream body asked a second time
   * @throws DatabricksException when the file cannot be opened
   */
  public InputStream openStream() {
    if (bytes != null) {
      return new ByteArrayInputStream(bytes);
    }
    if (file != null) {
      try {
        return Files.newInputStream(file);
      } catch (IOException e) {
        throw new DatabricksException("cannot open " + file + " to send it: " + e, e);
      }
    }
    if (streamTaken.getAndSet(true)) {
      throw new IllegalStateException("this request body is an InputStream that was already read; it cannot be sent again");
    }
    return stream;
  }

  /** A copy of the content when it is held in memory (for logging); empty for files and streams. */
  public Optional<byte[]> bytes() {
    return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
  }

  @Override
  public String toString() {
    String kind = bytes != null ? "bytes" : file != null ? "file " + file : "stream";
    return "RequestBody{" + kind + ", " + (length < 0 ? "unknown length" : length + " bytes") + ", " + contentType + "}";
  }
}
