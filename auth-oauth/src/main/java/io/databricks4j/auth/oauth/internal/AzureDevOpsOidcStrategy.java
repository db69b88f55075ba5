package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.http.HttpSender;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * {@code auth_type = azure-devops-oidc}: in an Azure Pipelines job, asks Azure DevOps for an ID
 * token of the job (its OIDC token API, authenticated with the job's {@code SYSTEM_ACCESSTOKEN})
 * and exchanges it for a Databricks token, as {@code github-oidc} does with GitHub's. Applies when
 * host is set and the job's variables are: {@code SYSTEM_TEAMFOUNDATIONCOLLECTIONURI},
 * {@code SYSTEM_TEAMPROJECTID}, {@code SYSTEM_HOSTTYPE}, {@code SYSTEM_PLANID}, {@code SYSTEM_JOBID},
 * and {@code SYSTEM_ACCESSTOKEN}, which a pipeline must map into the step's environment itself.
 */
public final class AzureDevOpsOidcStrategy extends OAuthStrategy {
  static final String NAME = "azure-devops-oidc";
  static final String ACCESS_TOKEN = "SYSTEM_ACCESSTOKEN";
  static final List<String> JOB_VARIABLES = List.of("SYSTEM_TEAMFOUNDATIONCOLLECTIONURI", "SYSTEM_TEAMPROJECTID",
      "SYSTEM_HOSTTYPE", "SYSTEM_PLANID", "SYSTEM_JOBID");

  public AzureDevOpsOidcStrategy() {
    this(Clock.systemUTC());
  }

  AzureDevOpsOidcStrategy(Clock clock) {
    super(NAME, 63, "needs host and an Azure Pipelines job: " + String.join(", ", JOB_VARIABLES) + " and "
        + ACCESS_TOKEN + " (map it into the step's env: SYSTEM_ACCESSTOKEN: $(System.AccessToken))", clock);
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Map<String, String> job = new LinkedHashMap<>();
    for (String name : JOB_VARIABLES) {
      String v = config.environment().get(name);
      if (v == null || v.isBlank()) {
        return Optional.empty();
      }
      job.put(name, v.strip());
    }
    String accessToken = config.environment().get(ACCESS_TOKEN);
    if (config.host().isEmpty() || accessToken == null || accessToken.isBlank()) {
      return Optional.empty();
    }
    URI uri = oidcTokenUri(job);
    return bearer(new IdTokenExchange(NAME, config, audience -> requestIdToken(uri, accessToken.strip(), config.http()),
        clock));
  }

  /** The job's OIDC token endpoint; the collection URI usually ends with a slash, which is not doubled. */
  private static URI oidcTokenUri(Map<String, String> job) {
    String collection = job.get("SYSTEM_TEAMFOUNDATIONCOLLECTIONURI").replaceAll("/+$", "");
    try {
      return URI.create(collection + "/" + job.get("SYSTEM_TEAMPROJECTID") + "/_apis/distributedtask/hubs/"
          + job.get("SYSTEM_HOSTTYPE") + "/plans/" + job.get("SYSTEM_PLANID") + "/jobs/" + job.get("SYSTEM_JOBID")
          + "/oidctoken?api-version=7.2-preview.1");
    } catch (IllegalArgumentException e) {
      throw new CredentialsException(NAME + ": the Azure Pipelines variables do not make a URL of the OIDC token API;"
          + " check SYSTEM_TEAMFOUNDATIONCOLLECTIONURI", e);
    }
  }

  /** The ID token of the job; the audience is fixed by Azure DevOps, so the one asked for is not sent. */
  private static String requestIdToken(URI uri, String accessToken, HttpSender sender) {
    HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, uri);
    request.setAccept("application/json");
    request.setHeader("Content-Type", "application/json");
    request.setBody("{}");
    request.setAuthorization("Bearer " + accessToken);
    HTTPResponse response = Http.send(NAME, request, sender, true);
    if (response.getStatusCode() != 200) {
      throw new CredentialsException(NAME + ": Azure DevOps answered HTTP " + response.getStatusCode() + " to the ID"
          + " token request at " + Http.withoutQuery(uri) + "; is SYSTEM_ACCESSTOKEN the job's $(System.AccessToken)?");
    }
    JSONObject json = Http.json(NAME, response, uri, "{\"oidcToken\": <ID token>}");
    try {
      return JSONObjectUtils.getNonBlankString(json, "oidcToken");
    } catch (ParseException e) {
      throw new CredentialsException(NAME + ": the answer of " + Http.withoutQuery(uri) + " has no ID token in"
          + " \"oidcToken\"", e);
    }
  }
}
