package io.databricks4j.core.http.internal;

import io.databricks4j.core.http.internal.DefaultPipeline.Route;
import io.databricks4j.core.retry.RetryClassifier;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a download that honours {@code Range}: when the connection breaks while it is read,
 * it asks for the rest from the next byte not yet delivered, through the same pipeline (so that
 * request is retried, authenticated and logged like any other), and goes on reading. The file must
 * be the one it started with: the {@code ETag} (else {@code Last-Modified}) of every continuation
 * must equal the first one's, and so must the size of the file; a changed file is an error, never
 * a mix of two versions.
 *
 * <p>The first request may itself ask for one range ({@code bytes=S-} or {@code bytes=S-E}): a 206
 * answer is resumed within that range, a 200 answer (a server that ignores ranges) as the whole
 * file. {@link #abort()} drops whichever connection is current, from any thread.
 */
final class ResumingBody extends InputStream {
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j");
  /** Continuations in a row that deliver nothing before the download gives up. */
  private static final int MAX_RESUMES_WITHOUT_PROGRESS = 5;
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,18})-(\\d{0,18})");
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d{1,18})-\\d{1,18}/(\\d{1,18}|\\*)");

  private final HttpRequest request;
  private final DefaultPipeline pipeline;
  private final Route route;
  private final String validator;
  /** The offset in the file of the body's first byte. */
  private final long start;
  /** The last byte asked for, as the Range header wrote it; empty for the end of the file. */
  private final String last;
  /** Whether the answers are ranges (206) rather than the whole file (200). */
  private final boolean ranged;
  /** The size of the file; -1 when unknown. */
  private final long size;
  /** The length of the body; -1 when unknown. */
  private final long length;
  private volatile HttpResponse current;
  private volatile boolean stopped;
  private InputStream in;
  private long delivered;
  private int resumesWithoutProgress;

  private ResumingBody(HttpResponse first, HttpRequest request, DefaultPipeline pipeline, Route route, String validator,
      long start, String last, long size) {
    this.current = first;
    this.in = first.body();
    this.request = request;
    this.pipeline = pipeline;
    this.route = route;
    this.validator = validator;
    this.start = start;
    this.last = last;
    this.ranged = first.status() == 206;
    this.size = size;
    this.length = first.contentLength();
  }

  /**
   * {@code first} with a resuming body, when it can resume: a GET with a validator answered with the
   * whole file (200), or with the one range it asked for (206 from the byte asked).
   */
  static HttpResponse wrap(HttpResponse first, HttpRequest request, DefaultPipeline pipeline, Route route) {
    Optional<String> validator = validatorOf(first);
    if (!request.method().equals("GET") || validator.isEmpty()) {
      return first;
    }
    ResumingBody body;
    if (first.status() == 200) {
      body = new ResumingBody(first, request, pipeline, route, validator.get(), 0, "", first.contentLength());
    } else {
      Matcher asked = RANGE.matcher(request.header("Range").orElse(""));
      Matcher got = CONTENT_RANGE.matcher(first.header("Content-Range").orElse("").trim());
      if (first.status() != 206 || !asked.matches() || !got.matches() || !got.group(1).equals(asked.group(1))) {
        return first;
      }
      body = new ResumingBody(first, request, pipeline, route, validator.get(), Long.parseLong(asked.group(1)),
          asked.group(2), got.group(2).equals("*") ? -1 : Long.parseLong(got.group(2)));
    }
    HttpResponse.Builder b = HttpResponse.builder().status(first.status()).reason(first.reason()).body(body)
        .contentLength(first.contentLength());
    first.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
    if (first.abortable()) {
      b.onAbort(body::abort); // the connection of the continuation being read, not the first one's
    }
    return b.build();
  }

  private static Optional<String> validatorOf(HttpResponse r) {
    Optional<String> etag = r.header("ETag");
    return etag.isPresent() ? etag : r.header("Last-Modified");
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    while (true) {
      try {
        int n = in.read(b, off, len);
        if (n > 0) {
          delivered += n;
          resumesWithoutProgress = 0;
        } else if (n < 0 && length >= 0 && delivered < length) {
          throw new EOFException("the body ended after " + delivered + " of " + length + " bytes");
        }
        return n;
      } catch (IOException e) {
        if (stopped || Thread.currentThread().isInterrupted() || !RetryClassifier.classify(e, true).retry()) {
          throw e;
        }
        if (++resumesWithoutProgress > MAX_RESUMES_WITHOUT_PROGRESS) {
          throw new IOException(request.method() + " " + request.path() + ": the download broke at byte "
              + (start + delivered) + " and " + MAX_RESUMES_WITHOUT_PROGRESS + " resumes in a row delivered nothing: "
              + e.getMessage(), e);
        }
        resume(e);
      }
    }
  }

  private void resume(IOException cause) throws IOException {
    current.abort();
    long from = start + delivered;
    LOG.debug("{} {}: the download broke at byte {} ({}); asking for the rest", request.method(), request.path(),
        from, cause.toString());
    HttpRequest rest = request.toBuilder().header("Range", "bytes=" + from + "-" + (ranged ? last : "")).build();
    HttpResponse next;
    try {
      next = new Call<HttpResponse>(pipeline, route, rest, null, false).run();
    } catch (RuntimeException e) {
      e.addSuppressed(cause);
      throw new IOException(request.method() + " " + request.path() + ": the download broke at byte " + from
          + " and could not be resumed: " + e.getMessage(), e);
    }
    current = next;
    if (stopped) {
      next.abort(); // aborted while the continuation was on its way
      throw new IOException("the download was aborted");
    }
    String v = validatorOf(next).orElse(null);
    if (!validator.equals(v)) {
      throw changed(next, "it was " + validator + ", now " + v);
    }
    InputStream body = next.body();
    Matcher got = CONTENT_RANGE.matcher(next.header("Content-Range").orElse("").trim());
    if (next.status() == 206 && got.matches() && Long.parseLong(got.group(1)) == from) {
      long nowSize = got.group(2).equals("*") ? -1 : Long.parseLong(got.group(2));
      if (size >= 0 && nowSize >= 0 && nowSize != size) {
        throw changed(next, "its size went from " + size + " to " + nowSize + " bytes");
      }
    } else if (next.status() == 200 && !ranged) {
      if (size >= 0 && next.contentLength() >= 0 && next.contentLength() != size) {
        throw changed(next, "its size went from " + size + " to " + next.contentLength() + " bytes");
      }
      body.skipNBytes(delivered); // the server ignored Range: skip what was delivered
    } else {
      next.abort();
      throw new IOException(request.method() + " " + request.path() + ": asked for bytes " + from + "- and got HTTP "
          + next.status() + " " + next.header("Content-Range").orElse("without Content-Range"));
    }
    in = body;
  }

  private IOException changed(HttpResponse next, String how) {
    next.abort();
    return new IOException(request.method() + " " + request.path() + ": the file changed while it was downloaded ("
        + how + "); download it again");
  }

  /** Drops the current connection without reading the rest; a read in progress fails and is not resumed. */
  void abort() {
    stopped = true;
    current.abort();
  }

  @Override
  public void close() {
    stopped = true;
    current.close();
  }
}
