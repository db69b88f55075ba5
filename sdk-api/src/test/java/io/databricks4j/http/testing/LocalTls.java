package io.databricks4j.http.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} and {@value #HOST} (plus any other names a test
 * asks for), made once per JVM and set of names by the running JDK's {@code keytool}, and the TLS
 * contexts around it: the server's, and a client's that trusts it. The certificate names no IP
 * address, so {@code https://127.0.0.1} fails host-name verification while {@code https://localhost}
 * passes.
 */
public final class LocalTls {
  /** A host name in the certificate that resolves nowhere ({@code .test} is reserved). */
  public static final String HOST = "api.databricks4j.test";

  private static final char[] PASSWORD = "local-tls-password".toCharArray();
  private static final Map<List<String>, KeyStore> KEY_STORES = new HashMap<>();

  private LocalTls() {}

  /** The server side: presents the self-signed certificate. */
  public static SSLContext serverContext() {
    return serverContext(List.of());
  }

  /** The server side of a certificate that also names {@code moreNames} (host names). */
  public static SSLContext serverContext(List<String> moreNames) {
    try {
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keyStore(moreNames), PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client context whose truststore holds the self-signed certificate (a custom truststore). */
  public static SSLContext trustingClientContext() {
    return trustingClientContext(List.of());
  }

  /** A client context trusting the certificate of {@link #serverContext(List)} with the same names. */
  public static SSLContext trustingClientContext(List<String> moreNames) {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(keyStore(moreNames));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized KeyStore keyStore(List<String> moreNames) {
    return KEY_STORES.computeIfAbsent(List.copyOf(moreNames), LocalTls::generate);
  }

  private static KeyStore generate(List<String> moreNames) {
    try {
      Path dir = Files.createTempDirectory("databricks4j-tls");
      Path file = dir.resolve("server.p12");
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
          "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
          "-ext", "SAN=dns:localhost,dns:" + HOST + moreNames.stream().map(n -> ",dns:" + n).collect(Collectors.joining()),
          "-validity", "2", "-storetype", "PKCS12",
          "-keystore", file.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
          .redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        ks.load(in, PASSWORD);
      }
      Files.delete(file);
      Files.delete(dir);
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the test certificate: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
