package io.databricks4j.benchmarks.run;

import io.databricks4j.benchmarks.data.Pattern;
import io.databricks4j.benchmarks.jmh.FileTransfer;
import io.databricks4j.benchmarks.jmh.HeapProfiler;
import io.databricks4j.benchmarks.jmh.ListAll;
import io.databricks4j.benchmarks.jmh.RangedDownload;
import io.databricks4j.benchmarks.peer.Peer;
import io.databricks4j.benchmarks.peer.Peers;
import io.databricks4j.benchmarks.report.Figure;
import io.databricks4j.benchmarks.report.Markdown;
import io.databricks4j.benchmarks.report.Row;
import io.databricks4j.benchmarks.report.Section;
import io.databricks4j.benchmarks.server.FixtureServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.IterationResult;

/** Workloads 4 (listing 100,000 clusters) and 5 (a 1 GiB file up and down), each JVM in a 64 MiB heap. */
final class BulkWorkloads {
  private static final double HEAP_LIMIT_MIB = 64;
  private static final int LATENCY_MS = 20;
  /** Per-connection pacing of the latency run: a 4 MiB window per 20 ms round trip, 200 MiB/s a stream. */
  private static final long WINDOW = 4L << 20;

  private final Plan plan;
  private final FixtureServer server;
  private final Jmh jmh;

  BulkWorkloads(Plan plan, FixtureServer server, Jmh jmh) {
    this.plan = plan;
    this.server = server;
    this.jmh = jmh;
  }

  Section listing() {
    Map<String, List<IterationResult>> r = new LinkedHashMap<>();
    for (String peer : Peers.ALL) {
      r.putAll(jmh.run(jmh.bulk(ListAll.class, null).param("peer", peer), "peer"));
    }
    Map<String, Figure> rate = new LinkedHashMap<>();
    Map<String, Figure> peak = new LinkedHashMap<>();
    Map<String, Figure> live = new LinkedHashMap<>();
    r.forEach((peer, its) -> {
      rate.put(peer, Jmh.figure(its, Jmh::score).inverse(server.listItems() * 1000.0));
      peak.put(peer, Jmh.figure(its, it -> Jmh.secondary(it, HeapProfiler.PEAK)));
      live.put(peer, Jmh.figure(its, it -> Jmh.secondary(it, HeapProfiler.LIVE)));
    });
    Map<String, Long> pagesForFirst = new LinkedHashMap<>();
    for (String peer : Peers.ALL) {
      try (Peer p = Peers.create(peer, server.url(), FixtureServer.TOKEN)) {
        long before = server.counters().listPages();
        p.firstListedCluster();
        pagesForFirst.put(peer, server.counters().listPages() - before);
      }
    }
    double vsOfficial = rate.get(Peers.DATABRICKS4J).over(rate.get(Peers.OFFICIAL));
    Figure d4jPeak = peak.get(Peers.DATABRICKS4J);
    List<Row> rows = new ArrayList<>();
    rows.add(row("4 list " + String.format("%,d", server.listItems()) + " clusters", "items/s", rate,
        Figure.ratio(vsOfficial) + " official", "≥ 1.0× official", vsOfficial >= 1.0));
    rows.add(row("4 list, heap (-Xmx64m)", "peak heap MiB", peak, "max " + Figure.num(d4jPeak.max()) + " MiB",
        "< 64 MiB, 1 page for the first item", d4jPeak.max() < HEAP_LIMIT_MIB && pagesForFirst.get(Peers.DATABRICKS4J) == 1));
    Markdown t = new Markdown("peer", "walk ms", "items/s", "peak heap MiB", "heap after GC MiB", "pages fetched for the first item");
    r.forEach((peer, its) -> t.row(peer, Jmh.figure(its, Jmh::score), rate.get(peer), peak.get(peer), live.get(peer),
        pagesForFirst.get(peer)));
    return new Section("4", "Listing " + String.format("%,d", server.listItems()) + " clusters across pages", rows,
        "`clusters().list()` walked to the end, " + Plan.PAGE_SIZE + " clusters a page (`page_token`), pages "
            + "generated once by the server and then served as fixed bodies. One walk per JMH iteration, each JVM "
            + "with `-Xmx64m`. Peak heap is the sum of the heap pools' peaks in the iteration (an upper bound of "
            + "what was in use at once); heap after GC is what the latest collection left. Walking "
            + String.format("%,d", server.listItems()) + " clusters in 64 MiB at all, with the heap after GC flat, "
            + "is what lazy paging buys; the last column shows the first item costs one page.\n\n" + t);
  }

  Section files() {
    warmUpFileServer();
    Map<String, Map<String, List<IterationResult>>> byOp = new LinkedHashMap<>();
    for (String op : List.of("upload", "download")) {
      Map<String, List<IterationResult>> r = new LinkedHashMap<>();
      for (String peer : Peers.ALL) {
        r.putAll(jmh.run(jmh.bulk(FileTransfer.class, op).param("peer", peer), "peer"));
      }
      byOp.put(op, r);
    }
    double mib = server.fileSize() / (1024.0 * 1024.0);
    List<Row> rows = new ArrayList<>();
    Markdown t = new Markdown("operation", "peer", "ms", "MiB/s", "peak heap MiB", "heap after GC MiB");
    byOp.forEach((op, r) -> {
      Map<String, Figure> rate = new LinkedHashMap<>();
      Map<String, Figure> peak = new LinkedHashMap<>();
      r.forEach((peer, its) -> {
        rate.put(peer, Jmh.figure(its, Jmh::score).inverse(mib * 1000.0));
        peak.put(peer, Jmh.figure(its, it -> Jmh.secondary(it, HeapProfiler.PEAK)));
        t.row(op, peer, Jmh.figure(its, Jmh::score), rate.get(peer), peak.get(peer),
            Jmh.figure(its, it -> Jmh.secondary(it, HeapProfiler.LIVE)));
      });
      double vsFloor = rate.get(Peers.DATABRICKS4J).over(rate.get(Peers.FLOOR));
      double maxPeak = peak.get(Peers.DATABRICKS4J).max();
      rows.add(row("5 " + op + " " + size() + (op.equals("download") ? " (databricks4j: default options)" : ""),
          "MiB/s", rate, Figure.ratio(vsFloor) + " floor; heap max "
          + Figure.num(maxPeak) + " MiB", "≥ 0.9× floor, heap < 64 MiB", vsFloor >= 0.9 && maxPeak < HEAP_LIMIT_MIB));
    });
    Map<String, Figure> single = new LinkedHashMap<>();
    Map<String, Figure> parallel = new LinkedHashMap<>();
    Markdown ranged = new Markdown("server", "parallelism", "ms", "MiB/s", "peak heap MiB");
    for (long pace : new long[] {0, WINDOW}) {
      String label = LATENCY_MS + " ms a request" + (pace == 0 ? "" : ", " + (WINDOW >> 20) + " MiB per " + LATENCY_MS + " ms a connection");
      server.latency(LATENCY_MS, pace);
      try {
        Map<String, List<IterationResult>> r = jmh.run(jmh.bulk(RangedDownload.class, null).param("peer", Peers.DATABRICKS4J),
            "streams");
        r.forEach((streams, its) -> ranged.row(label, streams, Jmh.figure(its, Jmh::score),
            Jmh.figure(its, Jmh::score).inverse(mib * 1000.0), Jmh.figure(its, it -> Jmh.secondary(it, HeapProfiler.PEAK))));
        single.put(label, Jmh.figure(r.get("1"), Jmh::score).inverse(mib * 1000.0));
        parallel.put(label, Jmh.figure(r.get("4"), Jmh::score).inverse(mib * 1000.0));
      } finally {
        server.latency(0, 0);
      }
    }
    single.forEach((label, s) -> {
      double gain = parallel.get(label).over(s);
      rows.add(new Row("5 ranged download, " + label, "MiB/s, parallelism 1 → 4", s + " → " + parallel.get(label), "—", "—",
          Figure.ratio(gain) + " single stream", "≥ 1.5× single stream", gain >= 1.5));
    });
    return new Section("5", "Files API: " + size() + " up and down", rows,
        "`PUT /api/2.0/fs/files{path}` streaming a generated body and `GET` of the same path read to the end, "
            + "one transfer per JMH iteration, each JVM with `-Xmx64m`. databricks4j uses its files helpers "
            + "(`w.files()`, `io.databricks4j.mixin.files.FilesExt`) with default `TransferOptions`: `upload(path, "
            + "InputStream, true)` streams the body chunked; `download(path)` sends one request for the whole file "
            + "(`Range: bytes=0-`) and reads it as it arrives; ranged requests of 4 MiB would join it, up to 4 "
            + "connections, only if the rest of the file would take over 3 s at the rate it arrives. The official SDK "
            + "uses `w.files().upload/download`; the floor sends one PUT and one plain GET. Every byte read is "
            + "checked against the file's pattern at its offset. Before the first peer, three uploads and downloads "
            + "by the floor warm up the server's code, which would otherwise be compiled during the first peer's "
            + "run.\n\nParallel download (databricks4j, "
            + "`TransferOptions.parallelism(1)`, always one stream, against the default 4, where ranged requests "
            + "join the stream when it is slow for the size of the file): the server waits " + LATENCY_MS
            + " ms before each answer; in the second run it also sends at most " + (WINDOW >> 20) + " MiB per "
            + LATENCY_MS + " ms on a connection, as a window-limited TCP stream over a " + LATENCY_MS
            + " ms round trip does (loopback alone has no such limit, so one stream is bounded only by CPU).\n\n"
            + t + "\n" + ranged);
  }

  /**
   * The server's PUT and GET paths run interpreted in the harness JVM until they are compiled, which
   * takes a few transfers: without this, the first peer (databricks4j) pays for it and the later ones
   * do not.
   */
  private void warmUpFileServer() {
    try (Peer floor = Peers.create(Peers.FLOOR, server.url(), FixtureServer.TOKEN)) {
      for (int i = 0; i < 3; i++) {
        floor.upload(FixtureServer.FILE_PATH, Pattern.stream(server.fileSize()), server.fileSize());
        floor.download(FixtureServer.FILE_PATH);
      }
    }
  }

  private String size() {
    long s = server.fileSize();
    return s >= 1L << 30 ? (s >> 30) + " GiB" : (s >> 20) + " MiB";
  }

  private static Row row(String workload, String metric, Map<String, Figure> f, String ratio, String target, boolean met) {
    return new Row(workload, metric, f.get(Peers.DATABRICKS4J).toString(), f.get(Peers.OFFICIAL).toString(),
        f.get(Peers.FLOOR).toString(), ratio, target, met);
  }
}
