package io.databricks4j.core.error;

import io.databricks4j.error.ErrorResponse;
import java.util.List;
import java.util.regex.Pattern;

/** The official SDKs' per-endpoint corrections of what the service answers. */
final class ErrorOverrides {
  private record Override(String method, Pattern path, int status, String errorCode, Pattern message) {
    boolean matches(ErrorResponse r) {
      return method.equalsIgnoreCase(r.method()) && status == r.statusCode() && errorCode.equals(r.errorCode())
          && path.matcher(r.path()).find() && message.matcher(r.message()).find();
    }
  }

  /** 400 INVALID_PARAMETER_VALUE answers that mean "no such cluster / job / run". */
  private static final List<Override> NOT_EXIST = List.of(
      new Override("GET", Pattern.compile("^/api/2\\.\\d/clusters/get"), 400, "INVALID_PARAMETER_VALUE",
          Pattern.compile("Cluster .* does not exist")),
      new Override("GET", Pattern.compile("^/api/2\\.\\d/jobs/get"), 400, "INVALID_PARAMETER_VALUE",
          Pattern.compile("Job .* does not exist")),
      new Override("GET", Pattern.compile("^/api/2\\.\\d/jobs/runs/get"), 400, "INVALID_PARAMETER_VALUE",
          Pattern.compile("(Run .* does not exist|Run: .* in job: .* doesn't exist)")));

  private ErrorOverrides() {}

  static boolean toResourceDoesNotExist(ErrorResponse r) {
    for (Override o : NOT_EXIST) {
      if (o.matches(r)) {
        return true;
      }
    }
    return false;
  }
}
