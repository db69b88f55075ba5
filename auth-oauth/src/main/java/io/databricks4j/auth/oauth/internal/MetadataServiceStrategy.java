package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.Token;
import io.databricks4j.http.HttpSender;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * {@code auth_type = metadata-service}: a token from a local metadata service (the one the
 * Databricks IDE extensions run), asked with {@code X-Databricks-Metadata-Version: 1} and
 * {@code X-Databricks-Host}. Applies when host and metadata_service_url are set. The service must
 * be on this machine, as in the Go SDK: the request names the host whose token we want.
 */
public final class MetadataServiceStrategy extends OAuthStrategy {
  static final String NAME = "metadata-service";
  static final String VERSION_HEADER = "X-Databricks-Metadata-Version";
  static final String HOST_HEADER = "X-Databricks-Host";

  public MetadataServiceStrategy() {
    this(Clock.systemUTC());
  }

  MetadataServiceStrategy(Clock clock) {
    super(NAME, 50, "needs host and metadata_service_url (a localhost URL)", clock);
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Optional<String> url = config.attribute("metadata_service_url");
    Optional<String> host = config.host();
    if (url.isEmpty() || host.isEmpty()) {
      return Optional.empty();
    }
    URI service = validate(url.get());
    return bearer(() -> fetch(service, host.get(), config.http()));
  }

  private static URI validate(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new CredentialsException(NAME + ": invalid auth server URL in metadata_service_url: " + e.getReason(), e);
    }
    if (uri.getScheme() == null || uri.getHost() == null
        || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
      throw new CredentialsException(NAME + ": invalid auth server URL in metadata_service_url: it must be an http URL");
    }
    if (!Hosts.isLoopback(uri.getHost())) {
      throw new CredentialsException(NAME + ": only localhost URLs are allowed in metadata_service_url, not "
          + Http.printable(uri.getHost(), 100));
    }
    return uri;
  }

  private Token fetch(URI service, String host, HttpSender sender) {
    HTTPRequest request = Http.get(service);
    request.setHeader(VERSION_HEADER, "1");
    request.setHeader(HOST_HEADER, host);
    HTTPResponse response = Http.send(NAME, request, sender, true);
    if (response.getStatusCode() != 200) {
      throw new CredentialsException(NAME + ": " + Http.withoutQuery(service) + " answered HTTP "
          + response.getStatusCode() + "; check that the metadata service is running and knows " + host);
    }
    JSONObject json = Http.jsonOrNull(response);
    try {
      String access = json == null ? null : JSONObjectUtils.getString(json, "access_token", null);
      if (access == null || access.isBlank()) {
        throw new CredentialsException(NAME + ": invalid token: the answer of " + Http.withoutQuery(service)
            + " has no access_token");
      }
      Object expiresOn = json.get("expires_on");
      Instant expiry = expiresOn instanceof Number ? Instant.ofEpochSecond(((Number) expiresOn).longValue())
          : expiresOn instanceof String ? Instant.ofEpochSecond(Long.parseLong(((String) expiresOn).trim())) : null;
      return Token.of(access, JSONObjectUtils.getString(json, "token_type", "Bearer"), expiry, null);
    } catch (ParseException | NumberFormatException e) {
      throw new CredentialsException(NAME + ": invalid token: cannot read the answer of " + Http.withoutQuery(service)
          + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
