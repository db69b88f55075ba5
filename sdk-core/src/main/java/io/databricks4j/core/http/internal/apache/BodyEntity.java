package io.databricks4j.core.http.internal.apache;

import io.databricks4j.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/** A {@link RequestBody} written to the connection as it is read: nothing is buffered. */
final class BodyEntity extends AbstractHttpEntity {
  private static final int CHUNK = 64 * 1024;
  private final RequestBody body;

  BodyEntity(RequestBody body) {
    super(ContentType.parseLenient(body.contentType()), null, body.contentLength() < 0);
    this.body = body;
  }

  @Override
  public long getContentLength() {
    return body.contentLength();
  }

  @Override
  public boolean isRepeatable() {
    return body.isReplayable();
  }

  @Override
  public boolean isStreaming() {
    return !body.isReplayable();
  }

  @Override
  public InputStream getContent() {
    return body.openStream();
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    long remaining = body.contentLength();
    byte[] buf = new byte[CHUNK];
    try (InputStream in = body.openStream()) {
      while (remaining != 0) {
        int n = in.read(buf, 0, remaining < 0 ? buf.length : (int) Math.min(buf.length, remaining));
        if (n < 0) {
          if (remaining > 0) {
            throw new IOException("request body ended " + remaining + " bytes before its declared length "
                + body.contentLength());
          }
          break;
        }
        out.write(buf, 0, n);
        if (remaining > 0) {
          remaining -= n;
        }
      }
    }
    out.flush();
  }

  @Override
  public void close() {
    // the stream is opened and closed by writeTo
  }
}
