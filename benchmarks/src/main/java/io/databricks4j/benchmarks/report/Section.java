package io.databricks4j.benchmarks.report;

import java.util.List;

/** What one workload found: lines for the summary and a Markdown section with the details. */
public record Section(String id, String title, List<Row> rows, String details) {}
