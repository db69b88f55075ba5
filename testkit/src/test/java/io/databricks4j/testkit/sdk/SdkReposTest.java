package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.ResourceAlreadyExists;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.workspace.CreateCredentialsRequest;
import io.databricks4j.service.workspace.CreateCredentialsResponse;
import io.databricks4j.service.workspace.CreateRepoRequest;
import io.databricks4j.service.workspace.CreateRepoResponse;
import io.databricks4j.service.workspace.CredentialInfo;
import io.databricks4j.service.workspace.GetRepoResponse;
import io.databricks4j.service.workspace.ListCredentialsRequest;
import io.databricks4j.service.workspace.ListReposRequest;
import io.databricks4j.service.workspace.ObjectType;
import io.databricks4j.service.workspace.RepoInfo;
import io.databricks4j.service.workspace.SparseCheckout;
import io.databricks4j.service.workspace.SparseCheckoutUpdate;
import io.databricks4j.service.workspace.UpdateCredentialsRequest;
import io.databricks4j.service.workspace.UpdateRepoRequest;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Git folders (Repos) and Git credentials through the SDK. */
class SdkReposTest {
  @RegisterExtension
  static final LocalWorkspaceExtension LOCAL = new LocalWorkspaceExtension(LocalWorkspace.builder().pageSize(2));
  private static WorkspaceClient w;

  @BeforeAll
  static void client(LocalWorkspace ws) {
    w = ws.client();
  }

  @AfterAll
  static void close(LocalWorkspace ws) {
    w.close();
    assertThat(ws.internalErrors()).isZero();
  }

  private static CreateRepoResponse repo(String path, String url) {
    return w.repos().create(CreateRepoRequest.builder().url(url).path(path).build());
  }

  @Test
  void reposAreCreatedInTheWorkspaceTreeReadListedOverThreePagesCheckedOutAndDeleted() {
    List<Long> ids = IntStream.range(0, 5).mapToObj(i -> repo("/Repos/team/r" + i,
        "https://github.com/example/r" + i + ".git").id()).toList();
    GetRepoResponse read = w.repos().get(ids.get(2));
    assertThat(read.path()).isEqualTo("/Repos/team/r2");
    assertThat(read.provider()).isEqualTo("gitHub");
    assertThat(read.branch()).isEqualTo("main");
    assertThat(read.headCommitId()).isNotBlank();
    assertThat(w.workspace().getStatus("/Repos/team/r2").objectType()).isEqualTo(ObjectType.REPO);

    assertThat(w.repos().listPage(ListReposRequest.builder().build()).nextPageToken()).isNotBlank();
    assertThat(w.repos().list(ListReposRequest.builder().pathPrefix("/Repos/team/").build()).stream()
        .map(RepoInfo::id).toList()).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();

    w.repos().update(UpdateRepoRequest.builder().repoId(ids.get(0)).branch("feature")
        .sparseCheckout(SparseCheckoutUpdate.builder().patterns(List.of("src")).build()).build());
    GetRepoResponse feature = w.repos().get(ids.get(0));
    assertThat(feature.branch()).isEqualTo("feature");
    assertThat(feature.headCommitId()).isNotEqualTo(w.repos().get(ids.get(1)).headCommitId());
    assertThat(feature.sparseCheckout().patterns()).containsExactly("src");
    w.repos().update(UpdateRepoRequest.builder().repoId(ids.get(0)).tag("v1.0").build());
    GetRepoResponse tagged = w.repos().get(ids.get(0));
    assertThat(tagged.branch()).isNull();
    assertThat(tagged.headCommitId()).isNotEqualTo(feature.headCommitId());

    w.repos().delete(ids.get(4));
    assertThatThrownBy(() -> w.repos().get(ids.get(4))).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.workspace().getStatus("/Repos/team/r4")).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void aRepoWithoutAPathGoesUnderTheUsersFolderAndKeepsItsSparseCheckout() {
    CreateRepoResponse created = w.repos().create(CreateRepoRequest.builder()
        .url("https://gitlab.com/example/tools.git").sparseCheckout(SparseCheckout.builder()
            .patterns(List.of("a", "b")).build()).build());
    assertThat(created.path()).isEqualTo("/Repos/" + LocalWorkspace.DEFAULT_USER + "/tools");
    assertThat(created.provider()).isEqualTo("gitLab");
    assertThat(w.repos().get(created.id()).sparseCheckout().patterns()).containsExactly("a", "b");
  }

  @Test
  void repoErrorsAreTyped() {
    repo("/Repos/team/taken", "https://github.com/example/taken.git");
    assertThatThrownBy(() -> repo("/Repos/team/taken", "https://github.com/example/other.git"))
        .isInstanceOf(ResourceAlreadyExists.class).hasMessageContaining("/Repos/team/taken");
    assertThatThrownBy(() -> w.repos().create(CreateRepoRequest.builder().path("/Repos/team/no-url").build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("url");
    assertThatThrownBy(() -> repo("/Repos/team/unknown", "https://git.example.com/x.git"))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("provider");
    long id = repo("/Repos/team/both", "https://github.com/example/both.git").id();
    assertThatThrownBy(() -> w.repos().update(UpdateRepoRequest.builder().repoId(id).branch("b").tag("t").build()))
        .isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(() -> w.repos().update(UpdateRepoRequest.builder().repoId(424242L).branch("b").build()))
        .isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.repos().delete(424242L)).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void gitCredentialsAreCreatedReadListedUpdatedAndDeleted() {
    List<Long> ids = IntStream.range(0, 5).mapToObj(i -> w.gitCredentials().create(CreateCredentialsRequest.builder()
        .gitProvider("gitHub").gitUsername("user" + i).personalAccessToken("ghp_secret" + i).name("cred-" + i).build())
        .credentialId()).toList();
    var read = w.gitCredentials().get(ids.get(1));
    assertThat(read.gitUsername()).isEqualTo("user1");
    assertThat(read.name()).isEqualTo("cred-1");
    assertThat(w.gitCredentials().list(ListCredentialsRequest.builder().build()).stream()
        .map(CredentialInfo::credentialId).toList()).containsExactlyInAnyOrderElementsOf(ids);

    w.gitCredentials().update(UpdateCredentialsRequest.builder().credentialId(ids.get(0)).gitProvider("gitLab")
        .gitUsername("renamed").personalAccessToken("glpat").build());
    var updated = w.gitCredentials().get(ids.get(0));
    assertThat(updated.gitProvider()).isEqualTo("gitLab");
    assertThat(updated.gitUsername()).isEqualTo("renamed");

    w.gitCredentials().delete(ids.get(4));
    assertThatThrownBy(() -> w.gitCredentials().get(ids.get(4))).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.gitCredentials().delete(ids.get(4))).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.gitCredentials().create(CreateCredentialsRequest.builder().gitUsername("x").build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("git_provider");
    assertThatThrownBy(() -> w.gitCredentials().update(UpdateCredentialsRequest.builder().credentialId(ids.get(1))
        .build())).isInstanceOf(InvalidParameterValue.class).hasMessageContaining("git_provider");
  }

  @Test
  void aCreatedCredentialNeverShowsItsToken() {
    CreateCredentialsResponse created = w.gitCredentials().create(CreateCredentialsRequest.builder()
        .gitProvider("gitHub").gitUsername("quiet").personalAccessToken("ghp_do_not_echo").build());
    assertThat(created.toString()).doesNotContain("ghp_do_not_echo");
    assertThat(w.gitCredentials().get(created.credentialId()).toString()).doesNotContain("ghp_do_not_echo");
  }
}
