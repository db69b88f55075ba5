package io.databricks4j.core.error;

import io.databricks4j.error.ErrorResponse;
import io.databricks4j.error.PermissionDenied;
import java.net.URI;

/**
 * The workspace has Private Link (Private Service Connect on GCP) enabled and this network cannot
 * reach it: the request was redirected to {@code /login.html?error=private-link-validation-error}.
 * Reported as HTTP 403 with error code {@code PRIVATE_LINK_VALIDATION_ERROR}.
 */
public class PrivateLinkValidationError extends PermissionDenied {
  private static final long serialVersionUID = 1L;
  /** The error code of this error. */
  public static final String ERROR_CODE = "PRIVATE_LINK_VALIDATION_ERROR";

  public PrivateLinkValidationError(ErrorResponse response) {
    super(response);
  }

  public PrivateLinkValidationError(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }

  /** Whether {@code finalUrl}, the URL a request ended at after redirects, is the Private Link rejection page. */
  public static boolean isPrivateLinkRedirect(URI finalUrl) {
    String query = finalUrl.getRawQuery();
    return "/login.html".equals(finalUrl.getRawPath()) && query != null
        && query.contains("error=private-link-validation-error");
  }

  /** The error for a request to {@code method path} that ended at {@code finalUrl}. */
  public static PrivateLinkValidationError of(URI finalUrl, String method, String path) {
    return new PrivateLinkValidationError(ErrorResponse.builder()
        .statusCode(403)
        .errorCode(ERROR_CODE)
        .message(message(finalUrl.getHost() == null ? "" : finalUrl.getHost()))
        .method(method)
        .path(path)
        .build());
  }

  static String message(String host) {
    String h = host.toLowerCase(java.util.Locale.ROOT);
    String service;
    String endpoint;
    String page;
    if (h.endsWith(".azuredatabricks.net") || h.endsWith(".databricks.azure.cn") || h.endsWith(".databricks.azure.us")) {
      service = "Azure Private Link";
      endpoint = "Azure Private Link endpoint";
      page = "https://learn.microsoft.com/en-us/azure/databricks/security/network/classic/private-link-standard#authentication-troubleshooting";
    } else if (h.endsWith(".gcp.databricks.com")) {
      service = "Private Service Connect";
      endpoint = "GCP VPC endpoint";
      page = "https://docs.gcp.databricks.com/en/security/network/classic/private-service-connect.html";
    } else {
      service = "AWS PrivateLink";
      endpoint = "AWS VPC endpoint";
      page = "https://docs.databricks.com/en/security/network/classic/privatelink.html";
    }
    return "The requested workspace has " + service + " enabled and is not accessible from the current network. "
        + "Ensure that " + service + " is properly configured and that your device has access to the "
        + endpoint + ". For more information, see " + page + ".";
  }
}
