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
 * ({@link ParallelDownloadStream}, {@link FileDownload}). Every response is a resumable stream of
 * the pipeline ({@code ApiClient.stream(request, true)}): a dropped connection is resumed from the
 * next byte by the pipeline, which checks that the file is unchanged. Each ranged part must be of
 * the same file as the first answer too (ETag, Last-Modified, size), or the download fails rather
 * than mix two versions.
 */
final class RangedDownload {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

  private final ApiClient api;
  private final String path;
  private final TransferOptions options;
  private HttpResponse first;
  private boolean ranged;
  private long total = -1;
  private String etag;
  private String lastModified;
  private String contentType;

  RangedDownload(ApiClient api, String path, TransferOptions options) {
    this.api = api;
    this.path = FilesHttp.checkAbsolute(path);
    this.options = options;
  }

  /** Sends the first request; a missing file is a {@link io.databricks4j.error.NotFound} here. */
  RangedDownload start() {
    HttpRequest.Builder b = get();
    if (options.parallelism() > 1) {
      b.header("Range", "bytes=0-");
    }
    try {
      first = api.stream(b.build(), true);
    } catch (DatabricksError e) {
      if (e.statusCode() != 416) {
        throw e;
      }
      // an empty file has no byte 0 to serve
      first = api.stream(get().build(), true);
    }
    etag = first.header("ETag").orElse(null);
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

  private HttpRequest.Builder get() {
    return FilesHttp.request(api, "GET", path).header("Accept", "application/octet-stream");
  }

  /** Whether ranged requests may join the first stream: the server serves them and there is room for a few. */
  private boolean mayGoParallel() {
    return ranged && total > 2 * options.partSize() && options.parallelism() > 1;
  }

  private RangeStream head(Progress progress) {
    return new RangeStream(path, first, 0, total, this::open, progress);
  }

  private RangeStream part(long start, long end) {
    return new RangeStream(path, null, start, end, this::open, null);
  }

  /** The download as a stream, with its headers. */
  DownloadResponse response() {
    Progress progress = new Progress(options.progress(), total);
    InputStream contents;
    if (mayGoParallel()) {
      contents = new ParallelDownloadStream(path, head(null), total, options.partSize(), options.parallelism(),
          SwitchPolicy.of(options), this::part, progress);
    } else {
      contents = head(progress);
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
          mayGoParallel() ? SwitchPolicy.of(options) : null, this::part, progress).run(head(null), channel);
    }
  }

  /** Opens bytes {@code [position, end)}, resumable, and checks that they are of the same file as the first answer. */
  private HttpResponse open(long position, long end) {
    HttpRequest request = get().header("Range", "bytes=" + position + "-" + (end >= 0 ? Long.toString(end - 1) : ""))
        .build();
    HttpResponse r = api.stream(request, true);
    try {
      same("ETag", etag, r);
      same("Last-Modified", lastModified, r);
      if (r.status() == 206) {
        ContentRange cr = contentRange(r);
        if (cr.start != position || (total >= 0 && cr.total >= 0 && cr.total != total)) {
          throw changed("asked for bytes from " + position + " of " + total + ", got " + r.header("Content-Range").orElse(""));
        }
        return r;
      }
      if (r.status() == 200) {
        if (total >= 0 && r.contentLength() >= 0 && r.contentLength() != total) {
          throw changed("its size went from " + total + " to " + r.contentLength() + " bytes");
        }
        r.body().skipNBytes(position);
        return r;
      }
      throw new DatabricksException("unexpected HTTP " + r.status() + " to a Range request for " + path);
    } catch (IOException e) {
      FilesHttp.abortQuietly(r);
      throw new DatabricksException("cannot skip to byte " + position + " of " + path + ": " + e, e);
    } catch (RuntimeException e) {
      FilesHttp.abortQuietly(r);
      throw e;
    }
  }

  /** Fails when {@code r} has header {@code name} and the first answer had another value. */
  private void same(String name, String first, HttpResponse r) {
    String now = r.header(name).orElse(null);
    if (first != null && now != null && !first.equals(now)) {
      throw changed("its " + name + " went from " + first + " to " + now);
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
      FilesHttp.abortQuietly(r);
      throw new DatabricksException("the server answered a Range request for " + path
          + " with HTTP 206 and an unreadable Content-Range: '" + v + "'");
    }
    return new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
        m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3)));
  }
}
