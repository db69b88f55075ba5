package io.databricks4j.it.support;

import io.databricks4j.http.testing.LocalTls;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * One self-signed certificate for every name the tests serve over TLS: {@code localhost}, the
 * made-up hosts of the proxy test and the real token hosts of Azure and Google, which the tests
 * route to local servers: {@link LocalTls}'s certificate with these names.
 */
public final class TestCertificate {
  /** A workspace name that only the test proxy and the test resolver know. */
  public static final String WORKSPACE_HOST = "workspace.proxied.test";
  /** The host of an OAuth metadata document of the proxy test. */
  public static final String IDP_HOST = "idp.proxied.test";
  public static final String AZURE_LOGIN_HOST = "login.microsoftonline.com";
  public static final String GOOGLE_TOKEN_HOST = "oauth2.googleapis.com";

  private static final List<String> NAMES = List.of(WORKSPACE_HOST, IDP_HOST, AZURE_LOGIN_HOST, GOOGLE_TOKEN_HOST);

  private TestCertificate() {}

  /** The servers' side: presents the certificate. */
  public static SSLContext serverContext() {
    return LocalTls.serverContext(NAMES);
  }

  /** A client's truststore holding the certificate, for {@code HttpOptions.sslContext}. */
  public static SSLContext trustingClientContext() {
    return LocalTls.trustingClientContext(NAMES);
  }
}
