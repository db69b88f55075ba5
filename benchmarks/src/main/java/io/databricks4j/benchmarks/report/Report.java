package io.databricks4j.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The results as Markdown. {@link #write} replaces only what lies between the two markers of an
 * existing document, so the analysis written around them survives a new run.
 */
public final class Report {
  public static final String BEGIN = "<!-- BEGIN GENERATED: java -jar benchmarks/target/databricks4j-benchmarks.jar -->";
  public static final String END = "<!-- END GENERATED -->";

  private Report() {}

  /** The generated block: machine, summary table, then each workload's details. */
  public static String markdown(Map<String, String> machine, String plan, List<Section> sections) {
    StringBuilder sb = new StringBuilder();
    Markdown m = new Markdown("", "");
    machine.forEach(m::row);
    sb.append("### Machine and run\n\n").append(m).append("| plan | ").append(plan).append(" |\n\n");
    Markdown s = new Markdown("workload", "metric", "databricks4j", "official", "floor", "ratio", "target", "result");
    sections.forEach(sec -> sec.rows().forEach(r -> s.row(r.workload(), r.metric(), r.databricks4j(), r.official(),
        r.floor(), r.ratio(), r.target(), r.verdict())));
    sb.append("### Summary\n\nEach figure is the median, with the lowest and highest repetition in brackets. "
        + "Ratios are of medians taken in the same run.\n\n").append(s).append('\n');
    for (Section sec : sections) {
      sb.append("### ").append(sec.id()).append(". ").append(sec.title()).append("\n\n").append(sec.details()).append('\n');
    }
    return sb.toString();
  }

  /** Writes {@code generated} into {@code file} between the markers, creating the file when missing. */
  public static void write(Path file, String generated) {
    try {
      String block = BEGIN + "\n\n" + generated.strip() + "\n\n" + END;
      String doc;
      if (Files.exists(file)) {
        String old = Files.readString(file);
        int b = old.indexOf(BEGIN);
        int e = old.indexOf(END);
        doc = b >= 0 && e > b ? old.substring(0, b) + block + old.substring(e + END.length())
            : old.stripTrailing() + "\n\n" + block + "\n";
      } else {
        doc = "# Benchmarks\n\n" + block + "\n";
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, doc);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
