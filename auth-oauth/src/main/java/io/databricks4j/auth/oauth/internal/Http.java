package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.http.HttpSender;
import java.io.IOException;
import java.net.URI;
import net.minidev.json.JSONObject;

/**
 * Sends Nimbus requests through the client's {@link HttpSender} (never over a connection of
 * Nimbus's own) and turns failures into {@link CredentialsException}s. Messages name the URL without
 * its query and never echo a response body, which may hold a token.
 */
public final class Http {
  private Http() {}

  /** A GET of {@code uri} that accepts JSON. */
  public static HTTPRequest get(URI uri) {
    HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, uri);
    request.setAccept("application/json");
    return request;
  }

  /**
   * Sends {@code request} through {@code sender}; a failure to get any answer is a
   * {@link CredentialsException} naming {@code strategy} and the URL without query, with the
   * sender's exception as its cause.
   *
   * @param repeatable whether a request with a body may be sent again after a failure that left its
   *     outcome unknown (a client credentials grant may, an authorization code may not)
   */
  public static HTTPResponse send(String strategy, HTTPRequest request, HttpSender sender, boolean repeatable) {
    try {
      return request.send(new NimbusSender(sender, repeatable));
    } catch (NimbusSender.Failure e) {
      throw new CredentialsException(strategy + ": cannot reach " + withoutQuery(request.getURI()) + ": "
          + e.getMessage(), e.getCause());
    } catch (IOException e) {
      throw new CredentialsException(strategy + ": cannot reach " + withoutQuery(request.getURI()) + " ("
          + e.getClass().getSimpleName() + "); check the URL and the network", e);
    }
  }

  /** The body as a JSON object, {@code null} when it is not one. */
  static JSONObject jsonOrNull(HTTPResponse response) {
    String body = response.getBody();
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      return null;
    }
  }

  /** The body as a JSON object, or a {@link CredentialsException} saying {@code what} was expected. */
  static JSONObject json(String strategy, HTTPResponse response, URI from, String what) {
    JSONObject json = jsonOrNull(response);
    if (json == null) {
      throw new CredentialsException(strategy + ": " + withoutQuery(from) + " answered HTTP " + response.getStatusCode()
          + " without a JSON object; expected " + what);
    }
    return json;
  }

  /** {@code uri} with neither query nor fragment nor user info, for messages. */
  public static String withoutQuery(URI uri) {
    if (uri == null) {
      return "(no URL)";
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      return uri.getRawPath() == null ? "(opaque URL)" : uri.getRawPath();
    }
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /** Text from a server or the user, made safe to put in a one-line message. */
  static String printable(String text, int max) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\p{Cntrl}+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max) + "...";
  }
}
