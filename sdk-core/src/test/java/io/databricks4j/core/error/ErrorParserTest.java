package io.databricks4j.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.error.BadRequest;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.NotFound;
import io.databricks4j.error.PermissionDenied;
import io.databricks4j.error.RequestLimitExceeded;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.error.TooManyRequests;
import io.databricks4j.error.Unknown;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErrorParserTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static DatabricksError map(String method, String path, int status, String body, String retryAfter) {
    return ErrorMapper.fromResponse(method, path, status, "", retryAfter, body.getBytes(StandardCharsets.UTF_8), NOW);
  }

  @Test
  void readsTheJsonErrorVerbatim() {
    DatabricksError e = map("GET", "/api/2.0/x", 404,
        "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Cluster abc does not exist\"}", null);
    assertThat(e).isExactlyInstanceOf(ResourceDoesNotExist.class);
    assertThat(e.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
    assertThat(e.serviceMessage()).isEqualTo("Cluster abc does not exist");
    assertThat(e.response().method()).isEqualTo("GET");
    assertThat(e.response().path()).isEqualTo("/api/2.0/x");
  }

  @Test
  void theErrorCodeWinsOverTheStatusExceptForRequestLimitOn400() {
    assertThat(map("GET", "/x", 404, "{\"error_code\":\"INVALID_PARAMETER_VALUE\"}", null))
        .isExactlyInstanceOf(InvalidParameterValue.class);
    assertThat(map("GET", "/x", 400, "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\"}", null))
        .isExactlyInstanceOf(TooManyRequests.class);
    assertThat(map("GET", "/x", 429, "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\"}", null))
        .isExactlyInstanceOf(RequestLimitExceeded.class);
    assertThat(map("GET", "/x", 500, "{\"error_code\":\"UNKNOWN\"}", null)).isExactlyInstanceOf(Unknown.class);
    assertThat(map("GET", "/x", 418, "{\"message\":\"teapot\"}", null)).isExactlyInstanceOf(DatabricksError.class);
  }

  @Test
  void readsApi12ScimHtmlAndPlainText() {
    assertThat(map("GET", "/x", 400, "{\"error_code\":\"ERROR\",\"error\":\"Workspace 1 is gone\"}", null).serviceMessage())
        .isEqualTo("Workspace 1 is gone");
    DatabricksError scim = map("GET", "/x", 404, "{\"detail\":\"Group 1 not found\",\"status\":\"404\"}", null);
    assertThat(scim.serviceMessage()).isEqualTo("Group 1 not found");
    assertThat(scim.errorCode()).isEqualTo("SCIM_404");
    assertThat(map("GET", "/x", 403, "<html><body><pre>no access</pre></body></html>", null).serviceMessage())
        .isEqualTo("no access");
    DatabricksError prefixed = map("GET", "/x", 400, "MALFORMED_REQUEST: bad vpc", null);
    assertThat(prefixed).isExactlyInstanceOf(BadRequest.class);
    assertThat(prefixed.errorCode()).isEqualTo("MALFORMED_REQUEST");
    assertThat(prefixed.serviceMessage()).isEqualTo("bad vpc");
    assertThat(prefixed.getMessage()).isEqualTo("GET /x: 400 MALFORMED_REQUEST: bad vpc");
    DatabricksError text = map("GET", "/x", 403, "Invalid Token", null);
    assertThat(text).isExactlyInstanceOf(PermissionDenied.class);
    assertThat(text.serviceMessage()).isEqualTo("Invalid Token");
  }

  @Test
  void anEmptyOrInvalidBodyStillGivesAnError() {
    DatabricksError empty = map("GET", "/x", 404, "", null);
    assertThat(empty).isExactlyInstanceOf(NotFound.class);
    assertThat(empty.serviceMessage()).isEqualTo("Not Found");
    assertThat(empty.getMessage()).isEqualTo("GET /x: 404: Not Found");
    DatabricksError broken = map("GET", "/x", 404, "{\"error_code\": ", null);
    assertThat(broken).isExactlyInstanceOf(NotFound.class);
    assertThat(broken.serviceMessage()).isEqualTo("{\"error_code\":");
  }

  @Test
  void retryAfterIsSecondsOrADateAndOneSecondByDefaultFor429And503() {
    assertThat(map("GET", "/x", 429, "", "30").retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(map("GET", "/x", 503, "", "Thu, 01 Jan 2026 00:01:00 GMT").retryAfter()).contains(Duration.ofMinutes(1));
    assertThat(map("GET", "/x", 429, "", null).retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(map("GET", "/x", 400, "", null).retryAfter()).isEmpty();
  }

  @Test
  void theEndpointOverridesOnlyApplyToTheirEndpointAndMessage() {
    assertThat(map("GET", "/api/2.1/jobs/runs/get", 400,
        "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Run: 1 in job: 2 doesn't exist\"}", null))
        .isExactlyInstanceOf(ResourceDoesNotExist.class);
    assertThat(map("POST", "/api/2.1/clusters/get", 400,
        "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Cluster 1 does not exist\"}", null))
        .isExactlyInstanceOf(InvalidParameterValue.class);
  }

  @Test
  void contextIsAddedToAuthFailuresOnly() {
    DatabricksError denied = ErrorMapper.withContext(map("GET", "/x", 403, "{\"message\":\"no\"}", null), "Config: x");
    assertThat(denied).isExactlyInstanceOf(PermissionDenied.class).hasMessage("GET /x: 403: no. Config: x");
    DatabricksError notFound = map("GET", "/x", 404, "{\"message\":\"no\"}", null);
    assertThat(ErrorMapper.withContext(notFound, "Config: x")).isSameAs(notFound);
  }

  @Test
  void detailsAreTypedAndKeptAsErrorDetails() {
    String body = "{\"error_code\":\"X\",\"message\":\"m\",\"details\":[{\"@type\":"
        + "\"type.googleapis.com/google.rpc.RequestInfo\",\"request_id\":\"r1\",\"serving_data\":\"\"},"
        + "{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"R\",\"domain\":\"D\",\"metadata\":{\"k\":\"v\"}}]}";
    ErrorBody parsed = ErrorParser.parse(400, "", body.getBytes(StandardCharsets.UTF_8));
    assertThat(parsed.details().requestInfo()).hasValueSatisfying(r -> assertThat(r.requestId()).isEqualTo("r1"));
    assertThat(parsed.details().errorInfo()).hasValueSatisfying(i -> assertThat(i.metadata()).containsEntry("k", "v"));
    assertThat(map("GET", "/x", 400, body, null).details()).hasSize(2);
  }
}
