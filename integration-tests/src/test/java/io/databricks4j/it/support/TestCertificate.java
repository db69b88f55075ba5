package io.databricks4j.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One self-signed certificate for every name the tests serve over TLS: {@code localhost}, the
 * made-up hosts of the proxy test and the real token hosts of Azure and Google, which the tests
 * route to local servers. Made once per JVM by the running JDK's {@code keytool}.
 */
public final class TestCertificate {
  /** A workspace name that only the test proxy and the test resolver know. */
  public static final String WORKSPACE_HOST = "workspace.proxied.test";
  /** The host of an OAuth metadata document of the proxy test. */
  public static final String IDP_HOST = "idp.proxied.test";
  public static final String AZURE_LOGIN_HOST = "login.microsoftonline.com";
  public static final String GOOGLE_TOKEN_HOST = "oauth2.googleapis.com";

  private static final char[] PASSWORD = "integration-tests".toCharArray();
  private static KeyStore keyStore;

  private TestCertificate() {}

  /** The servers' side: presents the certificate. */
  public static SSLContext serverContext() {
    try {
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keyStore(), PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client's truststore holding the certificate, for {@code HttpOptions.sslContext}. */
  public static SSLContext trustingClientContext() {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(keyStore());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized KeyStore keyStore() {
    if (keyStore == null) {
      keyStore = generate();
    }
    return keyStore;
  }

  private static KeyStore generate() {
    try {
      Path dir = Files.createTempDirectory("databricks4j-it-tls");
      Path file = dir.resolve("server.p12");
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      String names = String.join(",", "dns:localhost", "dns:" + WORKSPACE_HOST, "dns:" + IDP_HOST,
          "dns:" + AZURE_LOGIN_HOST, "dns:" + GOOGLE_TOKEN_HOST);
      Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
          "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=" + names,
          "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
          "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
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
