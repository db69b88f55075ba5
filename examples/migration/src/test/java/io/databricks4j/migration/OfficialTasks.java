package io.databricks4j.migration;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.error.platform.ResourceDoesNotExist;
import com.databricks.sdk.service.compute.ClusterDetails;
import com.databricks.sdk.service.compute.CreateCluster;
import com.databricks.sdk.service.compute.ListClustersRequest;
import com.databricks.sdk.service.files.UploadRequest;
import com.databricks.sdk.service.iam.MeRequest;
import com.databricks.sdk.service.jobs.BaseRun;
import com.databricks.sdk.service.jobs.CreateJob;
import com.databricks.sdk.service.jobs.ListRunsRequest;
import com.databricks.sdk.service.jobs.NotebookTask;
import com.databricks.sdk.service.jobs.Run;
import com.databricks.sdk.service.jobs.RunNow;
import com.databricks.sdk.service.jobs.Task;
import com.databricks.sdk.service.provisioning.Workspace;
import com.databricks.sdk.service.workspace.CreateScope;
import com.databricks.sdk.service.workspace.ExportFormat;
import com.databricks.sdk.service.workspace.ExportRequest;
import com.databricks.sdk.service.workspace.Import;
import com.databricks.sdk.service.workspace.ImportFormat;
import com.databricks.sdk.service.workspace.Language;
import com.databricks.sdk.service.workspace.PutSecret;
import com.databricks.sdk.service.workspace.SecretMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The ten tasks of docs/migration.md with the official Java SDK. The regions between the tag
 * comments are copied into the guide; MigrationDocTest fails when they differ.
 */
final class OfficialTasks {
  private OfficialTasks() {}

  /** Compiled, not run: it needs DATABRICKS_* variables or a STAGING profile. */
  static List<Object> clientsFromConfiguration() {
    // tag::client-configured[]
    WorkspaceClient fromEnvironment = new WorkspaceClient();            // DATABRICKS_* or ~/.databrickscfg
    WorkspaceClient fromProfile = new WorkspaceClient(new DatabricksConfig().setProfile("STAGING"));
    // end::client-configured[]
    return List.of(fromEnvironment, fromProfile);
  }

  static WorkspaceClient client(String host, String token) {
    // tag::client[]
    WorkspaceClient w = new WorkspaceClient(new DatabricksConfig().setHost(host).setToken(token));
    // end::client[]
    return w;
  }

  static List<String> accountWorkspaces(String host, String accountId, String token) {
    // tag::account-client[]
    AccountClient a = new AccountClient(new DatabricksConfig().setHost(host).setAccountId(accountId).setToken(token));
    List<String> names = new ArrayList<>();
    for (Workspace ws : a.workspaces().list()) {
      names.add(ws.getWorkspaceName());
    }
    // end::account-client[]
    return names;
  }

  static String whoAmI(WorkspaceClient w) {
    // tag::me[]
    String user = w.currentUser().me(new MeRequest()).getUserName();
    // end::me[]
    return user;
  }

  static List<String> clusterNames(WorkspaceClient w) {
    // tag::list-clusters[]
    List<String> names = new ArrayList<>();
    for (ClusterDetails c : w.clusters().list(new ListClustersRequest())) {   // pages are fetched as needed
      names.add(c.getClusterName() + " " + c.getState());
    }
    // end::list-clusters[]
    return names;
  }

  static String createClusterAndWait(WorkspaceClient w, String name) throws TimeoutException {
    // tag::create-cluster[]
    ClusterDetails cluster = w.clusters().create(new CreateCluster()
            .setClusterName(name).setSparkVersion("15.4.x-scala2.12").setNodeTypeId("i3.xlarge").setNumWorkers(1L))
        .onProgress(c -> System.out.println(c.getState()))
        .get(Duration.ofMinutes(20));                                   // checked TimeoutException
    String clusterId = cluster.getClusterId();
    // end::create-cluster[]
    return clusterId + " " + cluster.getState();
  }

  static boolean clusterExists(WorkspaceClient w, String clusterId) {
    // tag::not-found[]
    try {
      w.clusters().get(clusterId);
      return true;
    } catch (ResourceDoesNotExist e) {                                  // com.databricks.sdk.core.error.platform
      return false;
    }
    // end::not-found[]
  }

  static String runJobAndWait(WorkspaceClient w, String clusterId) throws TimeoutException {
    // tag::run-job[]
    long jobId = w.jobs().create(new CreateJob().setName("nightly")
            .setTasks(List.of(new Task().setTaskKey("main").setExistingClusterId(clusterId)
                .setNotebookTask(new NotebookTask().setNotebookPath("/Shared/etl")))))
        .getJobId();
    Run run = w.jobs().runNow(new RunNow().setJobId(jobId)).get(Duration.ofMinutes(30));
    String result = String.valueOf(run.getState().getResultState());
    // end::run-job[]
    return result;
  }

  static List<Long> latestRuns(WorkspaceClient w, int n) {
    // tag::latest-runs[]
    List<Long> runIds = StreamSupport.stream(w.jobs().listRuns(new ListRunsRequest()).spliterator(), false)
        .limit(n).map(BaseRun::getRunId).collect(Collectors.toList());
    // end::latest-runs[]
    return runIds;
  }

  static byte[] uploadAndDownload(WorkspaceClient w, String path, byte[] bytes) throws IOException {
    // tag::files[]
    w.files().upload(new UploadRequest().setFilePath(path).setContents(new ByteArrayInputStream(bytes)).setOverwrite(true));
    try (InputStream in = w.files().download(path).getContents()) {
      byte[] back = in.readAllBytes();
      // end::files[]
      return back;
    }
  }

  static String importAndExportNotebook(WorkspaceClient w, String path, String source) {
    // tag::notebook[]
    w.workspace().importContent(new Import().setPath(path).setFormat(ImportFormat.SOURCE).setLanguage(Language.PYTHON)
        .setContent(Base64.getEncoder().encodeToString(source.getBytes(StandardCharsets.UTF_8))).setOverwrite(true));
    String exported = new String(Base64.getDecoder().decode(
        w.workspace().export(new ExportRequest().setPath(path).setFormat(ExportFormat.SOURCE)).getContent()), StandardCharsets.UTF_8);
    // end::notebook[]
    return exported;
  }

  static List<String> storeSecret(WorkspaceClient w, String scope, String key, String value) {
    // tag::secrets[]
    w.secrets().createScope(new CreateScope().setScope(scope));
    w.secrets().putSecret(new PutSecret().setScope(scope).setKey(key).setStringValue(value));
    List<String> keys = new ArrayList<>();
    for (SecretMetadata s : w.secrets().listSecrets(scope)) {
      keys.add(s.getKey());
    }
    // end::secrets[]
    return keys;
  }
}
