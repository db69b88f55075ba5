package io.databricks4j.migration;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.account.AccountClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.compute.ListClustersRequest;
import io.databricks4j.service.iam.MeRequest;
import io.databricks4j.service.jobs.BaseRun;
import io.databricks4j.service.jobs.CreateJob;
import io.databricks4j.service.jobs.ListRunsRequest;
import io.databricks4j.service.jobs.NotebookTask;
import io.databricks4j.service.jobs.Run;
import io.databricks4j.service.jobs.RunNow;
import io.databricks4j.service.jobs.Task;
import io.databricks4j.service.provisioning.Workspace;
import io.databricks4j.service.workspace.CreateScope;
import io.databricks4j.service.workspace.ExportFormat;
import io.databricks4j.service.workspace.ExportRequest;
import io.databricks4j.service.workspace.Import;
import io.databricks4j.service.workspace.ImportFormat;
import io.databricks4j.service.workspace.Language;
import io.databricks4j.service.workspace.PutSecret;
import io.databricks4j.service.workspace.SecretMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The ten tasks of docs/migration.md with databricks4j. The regions between the tag comments are
 * copied into the guide; MigrationDocTest fails when they differ.
 */
final class Databricks4jTasks {
  private Databricks4jTasks() {}

  /** Compiled, not run: it needs DATABRICKS_* variables or a STAGING profile. */
  static List<Object> clientsFromConfiguration() {
    // tag::client-configured[]
    WorkspaceClient fromEnvironment = WorkspaceClient.create();         // DATABRICKS_* or ~/.databrickscfg
    WorkspaceClient fromProfile = WorkspaceClient.builder().profile("STAGING").build();
    // end::client-configured[]
    return List.of(fromEnvironment, fromProfile);
  }

  static WorkspaceClient client(String host, String token) {
    // tag::client[]
    WorkspaceClient w = new WorkspaceClient(DatabricksConfig.builder().host(host).token(token).build());
    // end::client[]
    return w;
  }

  static List<String> accountWorkspaces(String host, String accountId, String token) {
    // tag::account-client[]
    AccountClient a = new AccountClient(DatabricksConfig.builder().host(host).accountId(accountId).token(token).build());
    List<String> names = new ArrayList<>();
    for (Workspace ws : a.workspaces().list()) {
      names.add(ws.workspaceName());
    }
    // end::account-client[]
    return names;
  }

  static String whoAmI(WorkspaceClient w) {
    // tag::me[]
    String user = w.currentUser().me(MeRequest.builder().build()).userName();
    // end::me[]
    return user;
  }

  static List<String> clusterNames(WorkspaceClient w) {
    // tag::list-clusters[]
    List<String> names = new ArrayList<>();
    for (ClusterDetails c : w.clusters().list(ListClustersRequest.builder().build())) {   // pages are fetched as needed
      names.add(c.clusterName() + " " + c.state());
    }
    // end::list-clusters[]
    return names;
  }

  static String createClusterAndWait(WorkspaceClient w, String name) {
    // tag::create-cluster[]
    ClusterDetails cluster = w.clusters().create(CreateCluster.builder()
            .clusterName(name).sparkVersion("15.4.x-scala2.12").nodeTypeId("i3.xlarge").numWorkers(1L).build())
        .get(Duration.ofMinutes(20), c -> System.out.println(c.state()));   // unchecked WaitTimeoutException
    String clusterId = cluster.clusterId();
    // end::create-cluster[]
    return clusterId + " " + cluster.state();
  }

  static boolean clusterExists(WorkspaceClient w, String clusterId) {
    // tag::not-found[]
    try {
      w.clusters().get(clusterId);
      return true;
    } catch (ResourceDoesNotExist e) {                                  // io.databricks4j.error
      return false;
    }
    // end::not-found[]
  }

  static String runJobAndWait(WorkspaceClient w, String clusterId) {
    // tag::run-job[]
    long jobId = w.jobs().create(CreateJob.builder().name("nightly")
            .tasks(List.of(Task.builder().taskKey("main").existingClusterId(clusterId)
                .notebookTask(NotebookTask.builder().notebookPath("/Shared/etl").build()).build())).build())
        .jobId();
    Run run = w.jobs().runNow(RunNow.builder().jobId(jobId).build()).get(Duration.ofMinutes(30));
    String result = String.valueOf(run.state().resultState());
    // end::run-job[]
    return result;
  }

  static List<Long> latestRuns(WorkspaceClient w, int n) {
    // tag::latest-runs[]
    List<Long> runIds = w.jobs().listRuns(ListRunsRequest.builder().build()).stream()
        .limit(n).map(BaseRun::runId).toList();                     // fetches only the pages it needs
    // end::latest-runs[]
    return runIds;
  }

  static byte[] uploadAndDownload(WorkspaceClient w, String path, byte[] bytes) throws IOException {
    // tag::files[]
    w.files().upload(path, bytes, true);                                // also InputStream and Path overloads
    try (InputStream in = w.files().download(path).contents()) {
      byte[] back = in.readAllBytes();
      // end::files[]
      return back;
    }
  }

  static String importAndExportNotebook(WorkspaceClient w, String path, String source) {
    // tag::notebook[]
    w.workspace().importContent(Import.builder().path(path).format(ImportFormat.SOURCE).language(Language.PYTHON)
        .content(Base64.getEncoder().encodeToString(source.getBytes(StandardCharsets.UTF_8))).overwrite(true).build());
    String exported = new String(Base64.getDecoder().decode(
        w.workspace().export(ExportRequest.builder().path(path).format(ExportFormat.SOURCE).build()).content()), StandardCharsets.UTF_8);
    // end::notebook[]
    return exported;
  }

  static List<String> storeSecret(WorkspaceClient w, String scope, String key, String value) {
    // tag::secrets[]
    w.secrets().createScope(CreateScope.builder().scope(scope).build());
    w.secrets().putSecret(PutSecret.builder().scope(scope).key(key).stringValue(value).build());
    List<String> keys = new ArrayList<>();
    for (SecretMetadata s : w.secrets().listSecrets(scope)) {
      keys.add(s.key());
    }
    // end::secrets[]
    return keys;
  }
}
