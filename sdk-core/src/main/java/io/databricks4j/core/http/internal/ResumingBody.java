package io.databricks4j.core.http.internal;

import io.databricks4j.core.http.internal.DefaultPipeline.Route;
import io.databricks4j.core.retry.RetryClassifier;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a download that honours {@code Range}: when the connection breaks while it is read,
 * it asks for the rest from the next byte not yet delivered, through the same pipeline (so that
 * request is retried, authenticated and logged like any other), and goes on reading. The file must
 * be the one it started with: the {@code ETag} (else {@code Last-Modified}) of every continuation
 * must equal the first one's; a changed file is an error, never a mix of two versions.
 */
final class ResumingBody extends InputStream {
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j");
  /** Continuations in a row that deliver nothing before the download gives up. */
  private static final int MAX_RESUMES_WITHOUT_PROGRESS = 5;

  private final HttpRequest request;
  private final DefaultPipeline pipeline;
  private final Route route;
  private final String validator;
  private final long total;
  private HttpResponse current;
  private InputStream in;
  private long delivered;
  private int resumesWithoutProgress;

  private ResumingBody(HttpResponse first, HttpRequest request, DefaultPipeline pipeline, Route route, String validator) {
    this.current = first;
    this.in = first.body();
    this.request = request;
    this.pipeline = pipeline;
    this.route = route;
    this.validator = validator;
    this.total = first.contentLength();
  }

  /** {@code first} with a resuming body, when it can resume: a GET with a validator. */
  static HttpResponse wrap(HttpResponse first, HttpRequest request, DefaultPipeline pipeline, Route route) {
    Optional<String> validator = validatorOf(first);
    if (!request.method().equals("GET") || validator.isEmpty() || first.header("Content-Range").isPresent()
        || request.header("Range").isPresent()) {
      return first;
    }
    return first.withBody(new ResumingBody(first, request, pipeline, route, validator.get()), first.contentLength());
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
    while (true) {
      try {
        int n = in.read(b, off, len);
        if (n > 0) {
          delivered += n;
          resumesWithoutProgress = 0;
        } else if (n < 0 && total >= 0 && delivered < total) {
          throw new java.io.EOFException("the body ended after " + delivered + " of " + total + " bytes");
        }
        return n;
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted() || !RetryClassifier.classify(e, true).retry()
            || ++resumesWithoutProgress > MAX_RESUMES_WITHOUT_PROGRESS) {
          throw e;
        }
        resume(e);
      }
    }
  }

  private void resume(IOException cause) throws IOException {
    current.abort();
    LOG.debug("{} {}: the download broke after {} bytes ({}); asking for the rest", request.method(), request.path(),
        delivered, cause.toString());
    HttpRequest rest = request.toBuilder().header("Range", "bytes=" + delivered + "-").build();
    HttpResponse next;
    try {
      next = new Call<HttpResponse>(pipeline, route, rest, null, false).run();
    } catch (RuntimeException e) {
      e.addSuppressed(cause);
      throw new IOException("the download broke after " + delivered + " bytes and could not be resumed: " + e.getMessage(), e);
    }
    String v = validatorOf(next).orElse(null);
    if (!validator.equals(v)) {
      next.abort();
      throw new IOException("the file changed while it was downloaded (was " + validator + ", now " + v
          + "); download it again");
    }
    InputStream body = next.body();
    if (next.status() == 200) {
      body.skipNBytes(delivered); // the server ignored Range: skip what was delivered
    } else if (next.status() != 206 || !next.header("Content-Range").orElse("").startsWith("bytes " + delivered + "-")) {
      next.abort();
      throw new IOException("asked for bytes " + delivered + "- and got HTTP " + next.status() + " "
          + next.header("Content-Range").orElse("without Content-Range"));
    }
    current = next;
    in = body;
  }

  @Override
  public void close() {
    current.close();
  }
}
