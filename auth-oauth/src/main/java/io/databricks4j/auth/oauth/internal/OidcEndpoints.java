package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.http.HttpSender;
import java.net.URI;
import net.minidev.json.JSONObject;

/**
 * The authorization and token endpoints of a Databricks host. An explicit {@code discovery_url}
 * is fetched as is; a workspace publishes its metadata at
 * {@code <host>/oidc/.well-known/oauth-authorization-server}; an accounts host has fixed endpoints
 * under {@code <host>/oidc/accounts/<account_id>}, as in the three official SDKs, so no request is
 * made for it.
 */
public final class OidcEndpoints {
  private final URI authorizationEndpoint;
  private final URI tokenEndpoint;
  private final String origin;

  private OidcEndpoints(URI authorizationEndpoint, URI tokenEndpoint, String origin) {
    this.authorizationEndpoint = authorizationEndpoint;
    this.tokenEndpoint = tokenEndpoint;
    this.origin = origin;
  }

  /** Resolves the endpoints for {@code config}; may make one HTTP request. */
  public static OidcEndpoints resolve(String strategy, ConfigView config) {
    String host = config.host().orElseThrow(() -> new CredentialsException(
        strategy + ": host is not set; set it as an argument, in DATABRICKS_HOST or in the profile"));
    return resolve(strategy, host, config.isAccountClient(), config.attribute("account_id").orElse(null),
        config.attribute("discovery_url").orElse(null), config.http());
  }

  /**
   * Resolves the endpoints of a normalised {@code host}.
   *
   * @param accountId may be null unless {@code accountHost}
   * @param discoveryUrl may be null; when set it wins
   */
  public static OidcEndpoints resolve(String strategy, String host, boolean accountHost, String accountId,
      String discoveryUrl, HttpSender sender) {
    if (discoveryUrl != null && !discoveryUrl.isBlank()) {
      return discover(strategy, parse(strategy, "discovery_url", discoveryUrl), sender);
    }
    if (accountHost) {
      if (accountId == null || accountId.isBlank()) {
        throw new CredentialsException(strategy + ": account_id is not set; an accounts host needs it "
            + "(set it as an argument, in DATABRICKS_ACCOUNT_ID or in the profile)");
      }
      String prefix = host + "/oidc/accounts/" + accountId;
      return new OidcEndpoints(parse(strategy, "host", prefix + "/v1/authorize"),
          parse(strategy, "host", prefix + "/v1/token"), prefix);
    }
    return discover(strategy, parse(strategy, "host", host + "/oidc/.well-known/oauth-authorization-server"), sender);
  }

  private static OidcEndpoints discover(String strategy, URI url, HttpSender sender) {
    HTTPResponse response = Http.send(strategy, Http.get(url), sender, true);
    if (response.getStatusCode() == 404) {
      throw new CredentialsException(strategy + ": databricks OAuth is not supported for this host: "
          + Http.withoutQuery(url) + " answered HTTP 404; check the host or use another auth_type");
    }
    if (response.getStatusCode() != 200) {
      throw new CredentialsException(strategy + ": OAuth discovery at " + Http.withoutQuery(url) + " answered HTTP "
          + response.getStatusCode() + "; check the host and try again");
    }
    JSONObject json = Http.json(strategy, response, url, "OAuth authorization server metadata");
    try {
      if (json.containsKey("issuer")) {
        // a complete document: let Nimbus validate it
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(json);
        return new OidcEndpoints(metadata.getAuthorizationEndpointURI(), metadata.getTokenEndpointURI(),
            Http.withoutQuery(url));
      }
      // Databricks' older documents (and the SDKs' test fixtures) carry only the two endpoints
      return new OidcEndpoints(JSONObjectUtils.getURI(json, "authorization_endpoint", null),
          JSONObjectUtils.getURI(json, "token_endpoint", null), Http.withoutQuery(url));
    } catch (ParseException e) {
      throw new CredentialsException(strategy + ": invalid OAuth metadata at " + Http.withoutQuery(url) + ": "
          + Http.printable(e.getMessage(), 200), e);
    }
  }

  private static URI parse(String strategy, String attribute, String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("not an absolute URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new CredentialsException(strategy + ": " + attribute + " is not a valid URL: " + Http.printable(value, 200), e);
    }
  }

  /** The authorization endpoint, or a {@link CredentialsException} when the metadata had none. */
  public URI authorizationEndpoint() {
    if (authorizationEndpoint == null) {
      throw new CredentialsException("the OAuth metadata from " + origin + " has no authorization_endpoint");
    }
    return authorizationEndpoint;
  }

  /** The token endpoint, or a {@link CredentialsException} when the metadata had none. */
  public URI tokenEndpoint() {
    if (tokenEndpoint == null) {
      throw new CredentialsException("the OAuth metadata from " + origin + " has no token_endpoint");
    }
    return tokenEndpoint;
  }

  @Override
  public String toString() {
    return "OidcEndpoints{authorization=" + authorizationEndpoint + ", token=" + tokenEndpoint + "}";
  }
}
