package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.Scope;
import java.util.Collection;
import java.util.TreeSet;

/** OAuth scopes as the official SDKs send them: distinct, sorted, space-separated. */
public final class Scopes {
  /** Asked for by interactive logins so that a refresh token is issued. */
  public static final String OFFLINE_ACCESS = "offline_access";

  private Scopes() {}

  /** {@code scopes} sorted, without blanks or duplicates; {@code all-apis} when none remain. */
  public static Scope of(Collection<String> scopes) {
    TreeSet<String> sorted = new TreeSet<>();
    for (String s : scopes) {
      if (s != null && !s.isBlank()) {
        sorted.add(s.strip());
      }
    }
    if (sorted.isEmpty()) {
      sorted.add("all-apis");
    }
    return new Scope(sorted.toArray(new String[0]));
  }

  /** As {@link #of(Collection)} plus {@code offline_access}. */
  public static Scope withOfflineAccess(Collection<String> scopes) {
    Scope scope = of(scopes);
    if (!scope.contains(OFFLINE_ACCESS)) {
      TreeSet<String> sorted = new TreeSet<>(scope.toStringList());
      sorted.add(OFFLINE_ACCESS);
      return new Scope(sorted.toArray(new String[0]));
    }
    return scope;
  }
}
