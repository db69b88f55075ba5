package io.databricks4j.codegen.extract;

import io.databricks4j.codegen.extract.Drafts.OpDraft;
import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import java.util.Set;

/**
 * Facts the official sources do not state, derived by our rules: which field makes a POST safe to
 * repeat, whether an operation may be repeated, and whether a download may resume with
 * {@code Range}.
 */
final class Idempotency {
  /** Verbs whose repetition has the effect of one request (RFC 9110, 9.2.2). */
  private static final Set<String> IDEMPOTENT_VERBS = Set.of("GET", "HEAD", "PUT", "DELETE");
  /** First words of POST operations that only read: the POST carries a query too large for a URL. */
  private static final Set<String> READ_WORDS =
      Set.of("get", "list", "search", "query", "scan", "events", "retrieve");
  /** The body field by which a repeated jobs run-now or submit starts one run. */
  private static final String TOKEN_FIELD = "idempotency_token";

  private Idempotency() {}

  /**
   * The field the SDK fills with a random UUID when empty: the one the official SDK fills, else a
   * POST's {@code idempotency_token} body field.
   */
  static String token(OpDraft o, TypeDef request) {
    if (o.idempotencyToken != null) return o.idempotencyToken;
    if (!"POST".equals(o.verb) || request == null || request.fields() == null) return null;
    return request.fields().stream()
        .filter(f -> f.wireName().equals(TOKEN_FIELD) && f.location().equals("body") && f.type().equals("string"))
        .map(Field::wireName).findFirst().orElse(null);
  }

  /**
   * GET, HEAD, PUT and DELETE; a POST with an idempotency token; a paged POST; a POST whose name
   * starts with a read word ({@code queryIndex}, {@code searchRuns}, {@code getLatestVersions}).
   * PATCH and every other POST are not.
   */
  static boolean isIdempotent(OpDraft o, String token) {
    if (IDEMPOTENT_VERBS.contains(o.verb)) return true;
    if (!"POST".equals(o.verb)) return false;
    return token != null || o.pagination != null || READ_WORDS.contains(firstWord(o.name));
  }

  /** Only the Files API honours {@code Range}, so only its GET downloads resume. */
  static boolean isResumable(OpDraft o) {
    return "GET".equals(o.verb) && "stream".equals(o.responseKind) && o.path != null
        && o.path.startsWith("/api/2.0/fs/files");
  }

  private static String firstWord(String camel) {
    int i = 1;
    while (i < camel.length() && !Character.isUpperCase(camel.charAt(i))) i++;
    return camel.substring(0, i);
  }
}
