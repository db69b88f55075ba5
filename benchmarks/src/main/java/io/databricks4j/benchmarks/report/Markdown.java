package io.databricks4j.benchmarks.report;

import java.util.List;

/** A Markdown table, built row by row. */
public final class Markdown {
  private final StringBuilder sb = new StringBuilder();

  public Markdown(String... headers) {
    row(List.of(headers));
    sb.append('|');
    for (int i = 0; i < headers.length; i++) {
      sb.append("---|");
    }
    sb.append('\n');
  }

  public Markdown row(Object... cells) {
    return row(List.of(cells));
  }

  public Markdown row(List<?> cells) {
    sb.append('|');
    for (Object c : cells) {
      sb.append(' ').append(String.valueOf(c).replace("|", "\\|")).append(" |");
    }
    sb.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
