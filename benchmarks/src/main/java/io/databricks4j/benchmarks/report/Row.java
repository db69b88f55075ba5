package io.databricks4j.benchmarks.report;

/**
 * A line of the summary: one metric of one workload for each peer, the ratio that decides the
 * target, and whether it was met ({@code null} when the line is context, not a target).
 */
public record Row(String workload, String metric, String databricks4j, String official, String floor, String ratio,
    String target, Boolean met) {

  public String verdict() {
    return met == null ? "context" : met ? "met" : "**missed**";
  }
}
