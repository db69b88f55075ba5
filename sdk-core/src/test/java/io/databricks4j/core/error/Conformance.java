package io.databricks4j.core.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/** The shared conformance data (system property {@code conformance.dir}) and the bookkeeping of a run. */
public final class Conformance {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One case's verdict. */
  public record Verdict(String name, String status, String reason) {
    public static Verdict pass(String name) {
      return new Verdict(name, "pass", "");
    }

    public static Verdict fail(String name, String reason) {
      return new Verdict(name, "fail", reason);
    }

    public static Verdict skip(String name, String reason) {
      return new Verdict(name, "skip", reason);
    }
  }

  private Conformance() {}

  /** The conformance folder; the test is skipped, saying why, when it is absent. */
  public static Path dir() {
    String d = System.getProperty("conformance.dir");
    Path p = d == null ? null : Path.of(d);
    Assumptions.assumeTrue(p != null && Files.isDirectory(p),
        "conformance suite not found: set -Dconformance.dir to the folder with error_mapping.json (was " + d + ")");
    return p;
  }

  public static JsonNode read(String file) {
    try {
      return MAPPER.readTree(dir().resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Case names listed in conformance-differences.md ({@code - `name`: reason}), with the reason. */
  public static Map<String, String> differences() {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = Conformance.class.getResourceAsStream("/conformance-differences.md")) {
      if (in == null) {
        return out;
      }
      Pattern line = Pattern.compile("^- `([^`]+)`(?: \\(([^)]*)\\))?: (.*)$");
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        Matcher m = line.matcher(l.strip());
        if (m.matches()) {
          out.put(m.group(1), m.group(3));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Prints the counts and every non-pass; returns the failures not listed as known differences. */
  public static List<Verdict> report(String title, List<Verdict> verdicts) {
    long pass = verdicts.stream().filter(v -> v.status().equals("pass")).count();
    long skip = verdicts.stream().filter(v -> v.status().equals("skip")).count();
    long fail = verdicts.stream().filter(v -> v.status().equals("fail")).count();
    Map<String, String> known = differences();
    List<Verdict> unexplained = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%n[conformance] %s: %d pass, %d skip, %d fail (of %d)%n", title, pass, skip, fail,
        verdicts.size()));
    for (Verdict v : verdicts) {
      if (!v.status().equals("pass")) {
        boolean listed = known.containsKey(v.name());
        sb.append(String.format("  %-4s %s%s: %s%n", v.status(), v.name(), listed ? " (documented difference)" : "",
            v.reason()));
        if (v.status().equals("fail") && !listed) {
          unexplained.add(v);
        }
      }
    }
    System.out.print(sb);
    return unexplained;
  }

  public static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  public static Optional<JsonNode> opt(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  /** Class names of {@code o}'s class and its superclasses. */
  public static List<String> lineage(Object o) {
    List<String> out = new ArrayList<>();
    for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
      out.add(c.getSimpleName());
    }
    return out;
  }

  /** JSON equality where numbers compare by value (42 equals 42.0). */
  public static boolean jsonEquals(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!jsonEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> f : a.properties()) {
        if (!jsonEquals(f.getValue(), b.get(f.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  public static JsonNode toJson(Object o) {
    return MAPPER.valueToTree(o);
  }
}
