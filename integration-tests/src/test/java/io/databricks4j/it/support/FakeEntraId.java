package io.databricks4j.it.support;

import io.databricks4j.it.support.HttpsStub.Answer;

/**
 * Microsoft Entra ID for one tenant and one service principal, on an {@link HttpsStub}: instance
 * discovery and the client-credentials grant. A right secret gets the Databricks token or the
 * service management token, by scope; a wrong one gets Entra ID's {@code invalid_client}.
 */
public final class FakeEntraId implements AutoCloseable {
  public static final String TENANT = "it-tenant-0001";
  public static final String CLIENT_ID = "it-azure-sp";
  /** The application id of Azure Databricks, the resource of a workspace token. */
  private static final String DATABRICKS_RESOURCE = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d";

  private final HttpsStub server = HttpsStub.start();

  /**
   * @param secret the client secret of {@link #CLIENT_ID}
   * @param databricksToken the access token for the workspace
   * @param managementToken the access token for the service management API
   */
  public FakeEntraId(String secret, String databricksToken, String managementToken) {
    String login = "https://" + TestCertificate.AZURE_LOGIN_HOST;
    server.route("GET", "/common/discovery/instance", r -> Answer.json(200, "{\"api-version\":\"1.1\","
        + "\"tenant_discovery_endpoint\":\"" + login + "/" + TENANT + "/v2.0/.well-known/openid-configuration\","
        + "\"metadata\":[{\"preferred_network\":\"" + TestCertificate.AZURE_LOGIN_HOST + "\",\"preferred_cache\":"
        + "\"login.windows.net\",\"aliases\":[\"" + TestCertificate.AZURE_LOGIN_HOST + "\",\"login.windows.net\"]}]}"));
    server.route("POST", "/" + TENANT + "/oauth2/v2.0/token", r -> {
      if (!CLIENT_ID.equals(r.param("client_id")) || !secret.equals(r.param("client_secret"))) {
        return Answer.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client "
            + "secret provided.\",\"error_codes\":[7000215]}");
      }
      String scope = String.valueOf(r.param("scope"));
      String token = scope.contains(DATABRICKS_RESOURCE) ? databricksToken
          : scope.contains("management.core.windows.net") ? managementToken : null;
      if (token == null) {
        return Answer.json(400, "{\"error\":\"invalid_scope\",\"error_description\":\"unknown scope\"}");
      }
      return Answer.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,"
          + "\"access_token\":\"" + token + "\"}");
    });
  }

  public HttpsStub server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  /** The token requests answered, successful or not. */
  public long tokenRequests() {
    return server.requests().stream().filter(r -> r.path().endsWith("/token")).count();
  }

  @Override
  public void close() {
    server.close();
  }
}
