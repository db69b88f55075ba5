package io.databricks4j.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regenerates the generated regions of docs/migration.md: {@code <!-- generated:NAME -->} blocks
 * (tables) and {@code <!-- snippet:NAME -->} blocks (the tagged regions of OfficialTasks and
 * Databricks4jTasks, side by side). Everything outside the markers is prose and stays as written.
 */
final class MigrationDoc {
  private static final Pattern REGION =
      Pattern.compile("(<!-- (generated|snippet):([a-z-]+) -->\n)(.*?)(<!-- /\\2:\\3 -->)", Pattern.DOTALL);

  private final Path sources;
  private final Function<String, String> tables;

  MigrationDoc(Path sources, Function<String, String> tables) {
    this.sources = sources;
    this.tables = tables;
  }

  /** The doc with every region regenerated. */
  String render(String doc) throws IOException {
    Matcher m = REGION.matcher(doc);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String body = m.group(2).equals("generated") ? tables.apply(m.group(3)) : snippet(m.group(3));
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + body + m.group(5)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Names of the regions in {@code doc}, in order. */
  static List<String> regions(String doc) {
    List<String> names = new ArrayList<>();
    Matcher m = REGION.matcher(doc);
    while (m.find()) {
      names.add(m.group(2) + ":" + m.group(3));
    }
    return names;
  }

  private String snippet(String tag) throws IOException {
    return "official:\n\n```java\n" + region("OfficialTasks.java", tag) + "```\n\ndatabricks4j:\n\n```java\n"
        + region("Databricks4jTasks.java", tag) + "```\n";
  }

  /** The lines between {@code // tag::NAME[]} and {@code // end::NAME[]}, de-indented. */
  String region(String file, String tag) throws IOException {
    List<String> lines = Files.readAllLines(sources.resolve("io/databricks4j/migration").resolve(file));
    int start = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).trim();
      if (t.equals("// tag::" + tag + "[]")) {
        start = i + 1;
      } else if (t.equals("// end::" + tag + "[]")) {
        end = i;
      }
    }
    if (start < 0 || end < start) {
      throw new IllegalStateException("no region " + tag + " in " + file);
    }
    List<String> body = lines.subList(start, end);
    int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder sb = new StringBuilder();
    body.forEach(l -> sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
    return sb.toString();
  }
}
