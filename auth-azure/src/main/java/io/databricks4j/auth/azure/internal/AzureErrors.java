package io.databricks4j.auth.azure.internal;

import io.databricks4j.error.DatabricksException;
import java.util.HashSet;
import java.util.Set;

/** Turns what Azure Identity and MSAL throw into one line a user can act on. */
final class AzureErrors {
  private AzureErrors() {}

  /**
   * The most specific message in the cause chain, with MSAL's unparseable-expiry failure named
   * as such (the response had a token, but its {@code expires_on} was garbage). A failure of the
   * SDK's sender stops the search: its message already names the request, the cause and what to
   * check, where its own cause would give only a host name.
   */
  static String describe(Throwable e) {
    String best = null;
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      String m = t.getMessage();
      if (t instanceof DatabricksException && m != null && !m.isBlank()) {
        return firstLine(m);
      }
      if (m != null && !m.isBlank()) {
        if (m.contains("Failed to parse timestamp")) {
          return "invalid token expiry: " + firstLine(m);
        }
        best = m;
      }
    }
    return best == null ? e.getClass().getName() : firstLine(best);
  }

  private static String firstLine(String m) {
    String s = m.strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl).strip();
  }
}
