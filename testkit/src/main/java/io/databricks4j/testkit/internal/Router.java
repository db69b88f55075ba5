package io.databricks4j.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a verb and a raw path to an operation of the description, as codegen/README.md says:
 * each {@code {param}} as one segment first (a multi-segment one as {@code /.*}), then, when
 * nothing matched, as {@code .+} (resource names such as {@code projects/p1/branches/b1} arrive
 * unencoded); the template with the most literal characters wins.
 *
 * <p>Templates are bucketed by their leading literal segments so that a request tries a handful
 * of patterns, not all of them.
 */
public final class Router {
  private static final int BUCKET_DEPTH = 3;

  private final Map<String, List<Route>> buckets = new HashMap<>();

  /** A resolved request: the operation and its decoded path parameters by wire name. */
  public record Match(Operation operation, Map<String, String> pathParams) {
  }

  /**
   * @param roots per path parameter, the collections its value may start with when it spans
   *     several segments (empty: any)
   */
  private record Route(Operation operation, Pattern strict, Pattern loose, int literalChars, List<Set<String>> roots) {
  }

  public Router(List<Operation> operations) {
    Map<String, List<Operation>> byService = new HashMap<>();
    operations.forEach(op -> byService.computeIfAbsent(op.pkg() + "." + op.service(), k -> new ArrayList<>()).add(op));
    for (Operation op : operations) {
      Route route = new Route(op, compile(op, false), compile(op, true), literalChars(op.path()),
          roots(op, byService.get(op.pkg() + "." + op.service())));
      buckets.computeIfAbsent(bucketKey(op.verb(), op.path()), k -> new ArrayList<>()).add(route);
    }
  }

  /** The operation {@code verb rawPath} addresses, if any. */
  public Optional<Match> match(String verb, String rawPath) {
    List<Route> candidates = candidates(verb, rawPath);
    Optional<Match> strict = best(candidates, rawPath, false);
    return strict.isPresent() ? strict : best(candidates, rawPath, true);
  }

  /** Whether some operation has this path under another verb. */
  public boolean knowsPath(String rawPath) {
    for (String verb : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")) {
      if (match(verb, rawPath).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private Optional<Match> best(List<Route> candidates, String rawPath, boolean loose) {
    Route winner = null;
    Matcher winning = null;
    for (Route r : candidates) {
      Matcher m = (loose ? r.loose : r.strict).matcher(rawPath);
      if (m.matches() && (!loose || rooted(r, m)) && (winner == null || r.literalChars > winner.literalChars)) {
        winner = r;
        winning = m;
      }
    }
    if (winner == null) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    List<Operation.PathParam> names = winner.operation.pathParams();
    for (int i = 0; i < names.size() && i < winning.groupCount(); i++) {
      params.put(names.get(i).name(), decode(winning.group(i + 1)));
    }
    return Optional.of(new Match(winner.operation, params));
  }

  /** Whether each value that spans segments starts with a collection its service names. */
  private static boolean rooted(Route r, Matcher m) {
    for (int i = 0; i < r.roots.size() && i < m.groupCount(); i++) {
      String value = m.group(i + 1);
      Set<String> roots = r.roots.get(i);
      if (!roots.isEmpty() && value.indexOf('/') > 0 && !roots.contains(value.substring(0, value.indexOf('/')))) {
        return false;
      }
    }
    return true;
  }

  /**
   * For each single-segment parameter, the literal segments that the other templates of the same
   * service put in its place ({@code knowledge-assistants} for {@code /api/2.1/{name}}): a resource
   * name such as {@code knowledge-assistants/k1/examples/e1} starts with one of them, while
   * {@code clusters/list} does not and stays an unknown path.
   */
  private static List<Set<String>> roots(Operation op, List<Operation> siblings) {
    List<Set<String>> roots = new ArrayList<>();
    for (Operation.PathParam p : op.pathParams()) {
      Set<String> names = new HashSet<>();
      String marker = "{" + p.name() + "}";
      int at = op.path().indexOf(marker);
      if (!p.multiSegment() && at > 0 && op.path().charAt(at - 1) == '/') {
        String prefix = op.path().substring(0, at);
        for (Operation other : siblings) {
          if (other.path().startsWith(prefix) && other.path().length() > prefix.length()
              && other.path().charAt(prefix.length()) != '{') {
            String rest = other.path().substring(prefix.length());
            int end = rest.length();
            for (char c : new char[] {'/', ':', '{'}) {
              int i = rest.indexOf(c);
              if (i >= 0 && i < end) {
                end = i;
              }
            }
            names.add(rest.substring(0, end));
          }
        }
      }
      roots.add(Set.copyOf(names));
    }
    return roots;
  }

  private List<Route> candidates(String verb, String rawPath) {
    String[] segments = rawPath.split("/", -1);
    List<Route> all = new ArrayList<>();
    StringBuilder prefix = new StringBuilder(verb).append(' ');
    addBucket(all, prefix.toString());
    for (int i = 1; i < segments.length && i <= BUCKET_DEPTH; i++) {
      prefix.append('/').append(segments[i]);
      addBucket(all, prefix.toString());
    }
    return all;
  }

  private void addBucket(List<Route> into, String key) {
    List<Route> routes = buckets.get(key);
    if (routes != null) {
      into.addAll(routes);
    }
  }

  /** The verb and up to BUCKET_DEPTH leading segments of the template that hold no parameter. */
  private static String bucketKey(String verb, String template) {
    String[] segments = template.split("/", -1);
    StringBuilder key = new StringBuilder(verb).append(' ');
    for (int i = 1; i < segments.length && i <= BUCKET_DEPTH && !segments[i].contains("{"); i++) {
      key.append('/').append(segments[i]);
    }
    return key.toString();
  }

  private static Pattern compile(Operation op, boolean loose) {
    Map<String, Boolean> multi = new HashMap<>();
    op.pathParams().forEach(p -> multi.put(p.name(), p.multiSegment()));
    StringBuilder regex = new StringBuilder();
    String t = op.path();
    int i = 0;
    while (i < t.length()) {
      int open = t.indexOf('{', i);
      if (open < 0) {
        regex.append(Pattern.quote(t.substring(i)));
        break;
      }
      if (open > i) {
        regex.append(Pattern.quote(t.substring(i, open)));
      }
      int close = t.indexOf('}', open);
      String name = t.substring(open + 1, close);
      if (Boolean.TRUE.equals(multi.get(name))) {
        regex.append("(/.*)");
      } else {
        regex.append(loose ? "(.+)" : "([^/]+)");
      }
      i = close + 1;
    }
    return Pattern.compile(regex.toString());
  }

  private static int literalChars(String template) {
    return template.replaceAll("\\{[^}]*}", "").length();
  }

  /** Percent-decoding of a path: a {@code +} is a plus sign here, not a space. */
  public static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw; // a stray '%' is taken literally rather than failing the request
    }
  }
}
