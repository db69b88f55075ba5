package io.databricks4j.core.http.internal.apache;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSession;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * A pooled HTTP/1.1 connection that never logs. HttpClient's own connection class prints every
 * header, {@code Authorization} included, on the {@code org.apache.hc.client5.http.headers} logger
 * and every byte on {@code ...wire} whenever an application turns those loggers to DEBUG; the
 * pipeline logs each exchange itself, redacted, so the transport must not.
 */
final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {
  private static final AtomicLong COUNTER = new AtomicLong();

  /** Makes quiet connections for the pool. */
  static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = socket -> {
    QuietConnection c = new QuietConnection();
    if (socket != null) {
      c.bind(socket);
    }
    return c;
  };

  private final String id = "db4j-" + COUNTER.incrementAndGet();
  private volatile Timeout timeout = Timeout.DISABLED;

  private QuietConnection() {
    super(Http1Config.DEFAULT);
  }

  @Override
  public Socket getSocket() {
    return getSocketHolder() == null ? null : getSocketHolder().getSocket();
  }

  @Override
  public SSLSession getSSLSession() {
    return super.getSSLSession();
  }

  @Override
  public void setSocketTimeout(Timeout timeout) {
    this.timeout = timeout;
    super.setSocketTimeout(timeout);
  }

  /** Idle in the pool: no read time-out, so a long idle time does not count as silence. */
  @Override
  public void passivate() {
    super.setSocketTimeout(Timeout.DISABLED);
  }

  @Override
  public void activate() {
    super.setSocketTimeout(timeout);
  }

  @Override
  public void bind(Socket socket) throws IOException {
    super.bind(socket);
  }

  @Override
  public String toString() {
    return id;
  }
}
