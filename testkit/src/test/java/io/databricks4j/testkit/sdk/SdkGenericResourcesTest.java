package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.ResourceAlreadyExists;
import io.databricks4j.error.ResourceConflict;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.apps.App;
import io.databricks4j.service.apps.AppDeployment;
import io.databricks4j.service.apps.ComputeState;
import io.databricks4j.service.apps.CreateAppDeploymentRequest;
import io.databricks4j.service.apps.CreateAppRequest;
import io.databricks4j.service.apps.ListAppsRequest;
import io.databricks4j.service.apps.StopAppRequest;
import io.databricks4j.service.ml.CreateExperiment;
import io.databricks4j.service.ml.CreateRun;
import io.databricks4j.service.ml.DeleteRun;
import io.databricks4j.service.ml.LogMetric;
import io.databricks4j.service.ml.LogParam;
import io.databricks4j.service.ml.Run;
import io.databricks4j.service.ml.RestoreRun;
import io.databricks4j.service.ml.SetTag;
import io.databricks4j.service.postgres.Branch;
import io.databricks4j.service.postgres.CreateBranchRequest;
import io.databricks4j.service.postgres.CreateProjectRequest;
import io.databricks4j.service.postgres.ListBranchesRequest;
import io.databricks4j.service.postgres.Project;
import io.databricks4j.service.settings.DefaultNamespaceSetting;
import io.databricks4j.service.settings.GetDefaultNamespaceSettingRequest;
import io.databricks4j.service.settings.StringMessage;
import io.databricks4j.service.settings.UpdateDefaultNamespaceSettingRequest;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Operations no hand-written emulation serves, through the SDK: the engine driven by the API
 * description keeps their resources, pages their lists, runs their waiters and long-running
 * operations to success, and answers the service's errors.
 */
@ExtendWith(LocalWorkspaceExtension.class)
class SdkGenericResourcesTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void appsAreCreatedListedStoppedDeployedAndDeleted(LocalWorkspace ws) {
    try (WorkspaceClient w = ws.client()) {
      App app = w.apps().createAndWait(CreateAppRequest.builder()
          .app(App.builder().name("dash").description("a dashboard").build()).build(), WAIT);
      assertThat(app.computeStatus().state()).isEqualTo(ComputeState.ACTIVE);
      assertThat(app.creator()).isEqualTo(ws.userName());
      assertThat(w.apps().get("dash").description()).isEqualTo("a dashboard");
      for (int i = 0; i < 4; i++) {
        w.apps().createAndWait(CreateAppRequest.builder().app(App.builder().name("more" + i).build()).build(), WAIT);
      }
      assertThat(w.apps().list(ListAppsRequest.builder().build()).stream().map(App::name))
          .as("five apps over pages of 3").containsExactly("dash", "more0", "more1", "more2", "more3");
      assertThatThrownBy(() -> w.apps().create(CreateAppRequest.builder().app(App.builder().name("dash").build()).build()))
          .isInstanceOf(ResourceAlreadyExists.class);

      AppDeployment d = w.apps().deployAndWait(CreateAppDeploymentRequest.builder().appName("dash")
          .appDeployment(AppDeployment.builder().sourceCodePath("/Workspace/dash").build()).build(), WAIT);
      assertThat(w.apps().getDeployment("dash", d.deploymentId()).sourceCodePath()).isEqualTo("/Workspace/dash");
      assertThat(w.apps().stopAndWait(StopAppRequest.builder().name("dash").build(), WAIT).computeStatus().state())
          .isEqualTo(ComputeState.STOPPED);

      w.apps().delete("dash");
      assertThatThrownBy(() -> w.apps().get("dash")).isInstanceOf(ResourceDoesNotExist.class);
      assertThatThrownBy(() -> w.apps().getDeployment("dash", d.deploymentId()))
          .as("a deployment goes with its app").isInstanceOf(ResourceDoesNotExist.class);
    }
  }

  @Test
  void mlflowRunsKeepTheirMetricsParamsAndTagsAndComeBackFromTheTrash(LocalWorkspace ws) {
    try (WorkspaceClient w = ws.client()) {
      String experiment = w.experiments().createExperiment(CreateExperiment.builder().name("/Users/me/exp").build())
          .experimentId();
      assertThat(w.experiments().getByName("/Users/me/exp").experiment().experimentId()).isEqualTo(experiment);
      Run run = w.experiments().createRun(CreateRun.builder().experimentId(experiment).runName("r1").build()).run();
      String runId = run.info().runId();
      assertThat(run.info().experimentId()).isEqualTo(experiment);
      w.experiments().logMetric(LogMetric.builder().runId(runId).key("loss").value(0.5).timestamp(1L).step(0L).build());
      w.experiments().logMetric(LogMetric.builder().runId(runId).key("loss").value(0.25).timestamp(2L).step(1L).build());
      w.experiments().logParam(LogParam.builder().runId(runId).key("lr").value("0.1").build());
      w.experiments().logParam(LogParam.builder().runId(runId).key("lr").value("0.2").build());
      w.experiments().setTag(SetTag.builder().runId(runId).key("team").value("ml").build());

      Run got = w.experiments().getRun(runId).run();
      assertThat(got.info().runName()).isEqualTo("r1");
      assertThat(got.data().metrics()).hasSize(2);
      assertThat(got.data().params()).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo("0.2"));
      assertThat(got.data().tags()).anySatisfy(t -> assertThat(t.key()).isEqualTo("team"));

      w.experiments().deleteRun(DeleteRun.builder().runId(runId).build());
      assertThatThrownBy(() -> w.experiments().getRun(runId)).isInstanceOf(ResourceDoesNotExist.class);
      w.experiments().restoreRun(RestoreRun.builder().runId(runId).build());
      assertThat(w.experiments().getRun(runId).run().data().metrics()).hasSize(2);
      assertThatThrownBy(() -> w.experiments().createRun(CreateRun.builder().experimentId("404").build()))
          .as("a run needs its experiment").isInstanceOf(ResourceDoesNotExist.class);
    }
  }

  @Test
  void aSettingChangesByEtagAndRefusesAStaleOne(LocalWorkspace ws) {
    try (WorkspaceClient w = ws.client()) {
      DefaultNamespaceSetting initial = w.settings().defaultNamespace().get(GetDefaultNamespaceSettingRequest.builder()
          .build());
      UpdateDefaultNamespaceSettingRequest change = UpdateDefaultNamespaceSettingRequest.builder().allowMissing(true)
          .fieldMask("namespace.value").setting(DefaultNamespaceSetting.builder().etag(initial.etag())
              .namespace(StringMessage.builder().value("sales").build()).build()).build();
      DefaultNamespaceSetting updated = w.settings().defaultNamespace().update(change);
      assertThat(updated.namespace().value()).isEqualTo("sales");
      assertThat(w.settings().defaultNamespace().get(GetDefaultNamespaceSettingRequest.builder().build()).etag())
          .isEqualTo(updated.etag());
      assertThatThrownBy(() -> w.settings().defaultNamespace().update(change)).isInstanceOf(ResourceConflict.class);
    }
  }

  @Test
  void longRunningOperationsFinishAndTheirResourcesNest(LocalWorkspace ws) {
    try (WorkspaceClient w = ws.client()) {
      Project project = w.postgres().createProjectAndWait(CreateProjectRequest.builder().projectId("p1")
          .project(Project.builder().build()).build(), WAIT);
      assertThat(project.name()).isEqualTo("projects/p1");
      Branch branch = w.postgres().createBranchAndWait(CreateBranchRequest.builder().parent("projects/p1")
          .branchId("dev").branch(Branch.builder().build()).build(), WAIT);
      assertThat(branch.name()).isEqualTo("projects/p1/branches/dev");
      assertThat(w.postgres().listBranches(ListBranchesRequest.builder().parent("projects/p1").build()).stream()
          .map(Branch::name)).containsExactly("projects/p1/branches/dev");
      assertThatThrownBy(() -> w.postgres().createBranchAndWait(CreateBranchRequest.builder().parent("projects/nope")
          .branchId("x").branch(Branch.builder().build()).build(), WAIT)).isInstanceOf(ResourceDoesNotExist.class);
    }
  }
}
