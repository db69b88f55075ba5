package io.databricks4j.examples;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.ResourceAlreadyExists;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.catalog.CreateVolumeRequestContent;
import io.databricks4j.service.catalog.VolumeType;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.files.DownloadResponse;
import io.databricks4j.service.files.UploadRequest;
import io.databricks4j.service.jobs.BaseJob;
import io.databricks4j.service.jobs.BaseRun;
import io.databricks4j.service.jobs.CreateJob;
import io.databricks4j.service.jobs.ListRunsRequest;
import io.databricks4j.service.jobs.NotebookTask;
import io.databricks4j.service.jobs.Run;
import io.databricks4j.service.jobs.RunNow;
import io.databricks4j.service.jobs.Task;
import io.databricks4j.testkit.LocalWorkspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A tour of databricks4j. With no workspace configured ({@code DATABRICKS_HOST} unset) it starts
 * an embedded {@link LocalWorkspace} and says so; with a workspace it runs the read-only steps,
 * and the steps that create things only with {@code --write}.
 */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) throws IOException {
    // debug lines go to a file of their own; step 7 shows the lines of one call
    Path debugLog = Files.createTempFile("databricks4j-debug", ".log");
    System.setProperty("org.slf4j.simpleLogger.log.io.databricks4j", "debug");
    System.setProperty("org.slf4j.simpleLogger.logFile", debugLog.toString());

    boolean write = List.of(args).contains("--write");
    boolean local = System.getenv("DATABRICKS_HOST") == null && System.getenv("DATABRICKS_CONFIG_PROFILE") == null;
    LocalWorkspace emulator = null;
    WorkspaceClient w;
    if (local) {
      emulator = LocalWorkspace.builder().clusterStartDelay(Duration.ofMillis(1500)).runDuration(Duration.ofMillis(1500)).start();
      System.out.println("No workspace configured (DATABRICKS_HOST is unset): using an embedded local workspace at " + emulator.host());
      w = emulator.client();
      write = true;
    } else {
      w = WorkspaceClient.create();
      System.out.println("Using workspace " + w.config().host().orElse("?") + (write ? "" : " (read-only; pass --write to create things)"));
    }
    try (WorkspaceClient client = w) {
      tour(client, write, debugLog);
    } finally {
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  private static void tour(WorkspaceClient w, boolean write, Path debugLog) throws IOException {
    step("1. List clusters (pages are fetched as the iteration reaches them)");
    int n = 0;
    for (ClusterDetails c : w.clusters().list()) {
      System.out.printf("   %-24s %-12s %s%n", c.clusterName(), c.state(), c.clusterId());
      n++;
    }
    System.out.println("   " + n + " cluster(s)");

    String clusterId = null;
    if (write) {
      step("2. Create a cluster and wait until it runs, printing progress");
      String sparkVersion = w.clusters().sparkVersions().versions().get(0).key();
      String nodeType = w.clusters().listNodeTypes().nodeTypes().get(0).nodeTypeId();
      ClusterDetails cluster = w.clusters().create(CreateCluster.builder()
              .clusterName("quickstart-" + Instant.now().getEpochSecond())
              .sparkVersion(sparkVersion).nodeTypeId(nodeType).numWorkers(1L).autoterminationMinutes(15L).build())
          .get(Duration.ofMinutes(20), c -> System.out.println("   ... " + c.state() + " " + nullToEmpty(c.stateMessage())));
      clusterId = cluster.clusterId();
      System.out.println("   cluster " + clusterId + " is " + cluster.state());

      step("3. Create a volume, upload a file to it and read it back (Files API, streamed)");
      try {
        w.volumes().create(CreateVolumeRequestContent.builder().catalogName("main").schemaName("default")
            .name("quickstart").volumeType(VolumeType.MANAGED).build());
      } catch (ResourceAlreadyExists e) {
        System.out.println("   volume main.default.quickstart exists already");
      }
      String path = "/Volumes/main/default/quickstart/hello.txt";
      byte[] text = "hello from databricks4j\n".getBytes(StandardCharsets.UTF_8);
      w.files().upload(UploadRequest.builder().filePath(path).contents(new ByteArrayInputStream(text)).overwrite(true).build());
      DownloadResponse download = w.files().download(path);
      try (InputStream in = download.contents()) {
        System.out.print("   read back " + download.contentLength() + " bytes: " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }

      step("4. Create a job, run it and wait with a progress callback");
      long jobId = w.jobs().create(CreateJob.builder().name("quickstart-job")
              .tasks(List.of(Task.builder().taskKey("main").existingClusterId(clusterId)
                  .notebookTask(NotebookTask.builder().notebookPath("/Users/quickstart/hello").build()).build()))
              .build())
          .jobId();
      Run run = w.jobs().runNow(RunNow.builder().jobId(jobId).build())
          .get(Duration.ofMinutes(20), r -> System.out.println("   ... run " + r.runId() + " " + r.state().lifeCycleState()));
      System.out.println("   run " + run.runId() + " finished: " + run.state().resultState());
    }

    step("5. Latest run of each job");
    for (BaseJob job : w.jobs().list()) {
      BaseRun latest = w.jobs().listRuns(ListRunsRequest.builder().jobId(job.jobId()).limit(1L).build())
          .stream().findFirst().orElse(null);
      System.out.printf("   %-24s %s%n", job.settings() == null ? job.jobId() : job.settings().name(),
          latest == null ? "never ran" : latest.state().lifeCycleState() + " " + nullToEmpty(String.valueOf(latest.state().resultState())));
    }

    step("6. Typed errors: a cluster that does not exist");
    try {
      w.clusters().get("0000-000000-doesnotexist");
    } catch (ResourceDoesNotExist e) {
      System.out.println("   ResourceDoesNotExist: " + e.getMessage());
    }

    step("7. Debug logging of one call (secrets redacted)");
    long before = Files.size(debugLog);
    try (WorkspaceClient withHeaders = new WorkspaceClient(w.config().toBuilder().debugHeaders(true).build())) {
      withHeaders.clusters().list().stream().findFirst();
    }
    byte[] all = Files.readAllBytes(debugLog);
    String lines = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
    lines.lines().limit(14).forEach(l -> System.out.println("   " + l));

    if (write && clusterId != null) {
      step("8. Clean up");
      w.clusters().permanentDelete(clusterId);
      System.out.println("   deleted cluster " + clusterId);
    }
    System.out.println();
    System.out.println("Done. Debug log of the whole tour: " + debugLog);
  }

  private static void step(String title) {
    System.out.println();
    System.out.println(title);
  }

  private static String nullToEmpty(String s) {
    return s == null || s.equals("null") ? "" : s;
  }
}
