package io.databricks4j.mixin.files;

import io.databricks4j.core.ApiClient;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.service.files.DownloadResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Files API download. With {@link TransferOptions#parallelism()} above 1, the first request asks
 * for the whole file with an open-ended Range header ({@code bytes=0-}): a 206 answer says the
 * server serves ranges and gives the size, a 200 answer is the whole file from a server that does
 * not. Either way the file is read as that one stream, as fast as one request can be; when the
 * server serves ranges and that stream is slow for the size of the file
 * ({@link TransferOptions#parallelThreshold()}), ranged requests join it
 * ({@link ParallelDownloadStream}, {@link FileDownload}). An interrupted response is resumed from the
 * next byte, and every answer must be of the same file (size and Last-Modified), or the download
 * fails rather than mix two versions.
 */
final class RangedDownload {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

  private final ApiClient api;
  private final String path;
  private final TransferOptions options;
  private HttpResponse first;
  private boolean ranged;
  private long total = -1;
  private String lastModified;
  private String contentType;

  RangedDownload(ApiClient api, String path, TransferOptions options) {
    this.api = api;
    this.path = FilesHttp.checkAbsolute(path);
    this.options = options;
  }

  /** Sends the first request; a missing file is a {@link io.databricks4j.error.NotFound} here. */
  RangedDownload start() {
    HttpRequest.Builder b = FilesHttp.request(api, "GET", path).header("Accept", "application/octet-stream");
    if (options.parallelism() > 1) {
      b.header("Range", "bytes=0-");
    }
    try {
      first = api.execute(b.build());
    } catch (DatabricksError e) {
      if (e.statusCode() != 416) {
        throw e;
      }
      // an empty file has no byte 0 to serve
      first = api.execute(FilesHttp.request(api, "GET", path).header("Accept", "application/octet-stream").build());
    }
    lastModified = first.header("Last-Modified").orElse(null);
    contentType = first.header("Content-Type").orElse(null);
    if (first.status() == 206) {
      ranged = true;
      total = contentRange(first).total;
    } else {
      total = first.contentLength();
    }
    return this;
  }

  /** Whether ranged requests may join the first stream: the server serves them and there is room for a few. */
  private boolean mayGoParallel() {
    return ranged && total > 2 * options.partSize() && options.parallelism() > 1;
  }

  private ResumingInputStream head() {
    return new ResumingInputStream(path, FilesHttp.body(first), 0, total, this::open, options.maxAttempts(), null);
  }

  private ResumingInputStream part(long start, long end) {
    return new ResumingInputStream(path, null, start, end, this::open, options.maxAttempts(), null);
  }

  /** The download as a stream, with its headers. */
  DownloadResponse response() {
    Progress progress = new Progress(options.progress(), total);
    InputStream contents;
    if (mayGoParallel()) {
      contents = new ParallelDownloadStream(path, head(), total, options.partSize(), options.parallelism(),
          SwitchPolicy.of(options), this::part, progress);
    } else {
      contents = new ResumingInputStream(path, FilesHttp.body(first), 0, total, this::open, options.maxAttempts(),
          progress);
    }
    return DownloadResponse.builder().contentLength(total < 0 ? null : total).contentType(contentType)
        .lastModified(lastModified).contents(contents).build();
  }

  /** Writes the download into {@code file} (created or truncated), each byte at its offset. */
  void writeTo(Path file) throws IOException {
    Progress progress = new Progress(options.progress(), total);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      new FileDownload(path, total, options.partSize(), options.parallelism(),
          mayGoParallel() ? SwitchPolicy.of(options) : null, this::part, progress).run(head(), channel);
    }
  }

  /** Opens bytes {@code [position, end)} and checks that they are of the same file. */
  private InputStream open(long position, long end) {
    HttpRequest.Builder b = FilesHttp.request(api, "GET", path).header("Accept", "application/octet-stream")
        .header("Range", "bytes=" + position + "-" + (end >= 0 ? Long.toString(end - 1) : ""));
    HttpResponse r = api.execute(b.build());
    InputStream body = FilesHttp.body(r);
    try {
      String lm = r.header("Last-Modified").orElse(null);
      if (lastModified != null && lm != null && !lastModified.equals(lm)) {
        throw changed("its Last-Modified went from " + lastModified + " to " + lm);
      }
      if (r.status() == 206) {
        ContentRange cr = contentRange(r);
        if (cr.start != position || (total >= 0 && cr.total >= 0 && cr.total != total)) {
          throw changed("asked for bytes from " + position + " of " + total + ", got " + r.header("Content-Range").orElse(""));
        }
        return body;
      }
      if (r.status() == 200) {
        if (total >= 0 && r.contentLength() >= 0 && r.contentLength() != total) {
          throw changed("its size went from " + total + " to " + r.contentLength() + " bytes");
        }
        body.skipNBytes(position);
        return body;
      }
      throw new DatabricksException("unexpected HTTP " + r.status() + " to a Range request for " + path);
    } catch (IOException e) {
      FilesHttp.closeQuietly(body);
      throw new DatabricksException("cannot skip to byte " + position + " of " + path + ": " + e, e);
    } catch (RuntimeException e) {
      FilesHttp.closeQuietly(body);
      throw e;
    }
  }

  private DatabricksException changed(String what) {
    return new DatabricksException("the file " + path + " changed while it was being downloaded (" + what
        + "); download it again");
  }

  private record ContentRange(long start, long end, long total) {}

  private ContentRange contentRange(HttpResponse r) {
    String v = r.header("Content-Range").orElse("");
    Matcher m = CONTENT_RANGE.matcher(v.trim());
    if (!m.matches()) {
      FilesHttp.closeQuietly(r);
      throw new DatabricksException("the server answered a Range request for " + path
          + " with HTTP 206 and an unreadable Content-Range: '" + v + "'");
    }
    return new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
        m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3)));
  }
}
