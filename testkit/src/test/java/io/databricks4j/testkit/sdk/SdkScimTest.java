package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.ResourceAlreadyExists;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.iam.ComplexValue;
import io.databricks4j.service.iam.Group;
import io.databricks4j.service.iam.ListGroupsRequest;
import io.databricks4j.service.iam.ListServicePrincipalsRequest;
import io.databricks4j.service.iam.ListSortOrder;
import io.databricks4j.service.iam.ListUsersRequest;
import io.databricks4j.service.iam.ListUsersResponse;
import io.databricks4j.service.iam.MeRequest;
import io.databricks4j.service.iam.Name;
import io.databricks4j.service.iam.PartialUpdate;
import io.databricks4j.service.iam.Patch;
import io.databricks4j.service.iam.PatchOp;
import io.databricks4j.service.iam.PatchSchema;
import io.databricks4j.service.iam.ServicePrincipal;
import io.databricks4j.service.iam.User;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workspace SCIM users, groups and service principals, and the current user, through the SDK. */
class SdkScimTest {
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

  private static User user(String userName) {
    return w.users().create(User.builder().userName(userName).displayName(userName.substring(0, userName.indexOf('@')))
        .build());
  }

  private static PartialUpdate patch(String id, PatchOp op, String path, Object value) {
    return PartialUpdate.builder().id(id).schemas(List.of(PatchSchema.URN_IETF_PARAMS_SCIM_API_MESSAGES_2_0_PATCH_OP))
        .operations(List.of(Patch.builder().op(op).path(path).value(value).build())).build();
  }

  @Test
  void usersAreCreatedReadListedByStartIndexFilteredPatchedReplacedAndDeleted() {
    List<String> ids = IntStream.range(0, 5).mapToObj(i -> user("paged" + i + "@example.com").id()).toList();
    User read = w.users().get(ids.get(1));
    assertThat(read.userName()).isEqualTo("paged1@example.com");
    assertThat(read.active()).isTrue();
    assertThat(read.emails()).extracting(ComplexValue::value).containsExactly("paged1@example.com");

    ListUsersResponse first = w.users().listPage(ListUsersRequest.builder().startIndex(1L).build());
    assertThat(first.resources()).hasSize(2);
    assertThat(first.totalResults()).isGreaterThanOrEqualTo(6L);
    List<User> all = w.users().list(ListUsersRequest.builder().build()).stream().toList();
    assertThat(all).extracting(User::id).containsAll(ids).doesNotHaveDuplicates();
    assertThat(all).hasSize(first.totalResults().intValue());
    assertThat(w.users().list(ListUsersRequest.builder().filter("userName sw \"paged\"").sortBy("userName")
        .sortOrder(ListSortOrder.DESCENDING).build()).stream().map(User::userName).toList())
        .containsExactly("paged4@example.com", "paged3@example.com", "paged2@example.com", "paged1@example.com",
            "paged0@example.com");

    w.users().patch(patch(ids.get(0), PatchOp.REPLACE, "active", false));
    assertThat(w.users().get(ids.get(0)).active()).isFalse();
    w.users().update(User.builder().id(ids.get(0)).userName("paged0@example.com")
        .name(Name.builder().givenName("Zero").familyName("Paged").build()).build());
    User replaced = w.users().get(ids.get(0));
    assertThat(replaced.name().givenName()).isEqualTo("Zero");
    assertThat(replaced.displayName()).as("a replace drops what it does not carry").isNull();

    w.users().delete(ids.get(4));
    assertThatThrownBy(() -> w.users().get(ids.get(4))).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void groupsHoldMembersThatShowTheirGroups() {
    User member = user("member@example.com");
    ServicePrincipal sp = w.servicePrincipals().create(ServicePrincipal.builder().displayName("grouped-sp").build());
    List<String> groups = IntStream.range(0, 5).mapToObj(i -> w.groups().create(Group.builder()
        .displayName("team-" + i).build()).id()).toList();
    assertThat(w.groups().list(ListGroupsRequest.builder().filter("displayName sw \"team-\"").build()).stream()
        .map(Group::id).toList()).containsExactlyInAnyOrderElementsOf(groups).doesNotHaveDuplicates();

    w.groups().patch(patch(groups.get(0), PatchOp.ADD, "members", List.of(Map.of("value", member.id()),
        Map.of("value", sp.id()))));
    Group team = w.groups().get(groups.get(0));
    assertThat(team.members()).extracting(ComplexValue::value).containsExactlyInAnyOrder(member.id(), sp.id());
    assertThat(w.users().get(member.id()).groups()).extracting(ComplexValue::display).containsExactly("team-0");
    assertThat(w.servicePrincipals().get(sp.id()).groups()).extracting(ComplexValue::value)
        .containsExactly(groups.get(0));

    w.groups().update(Group.builder().id(groups.get(0)).displayName("team-0-renamed")
        .members(List.of(ComplexValue.builder().value(sp.id()).build())).build());
    assertThat(w.groups().get(groups.get(0)).displayName()).isEqualTo("team-0-renamed");
    assertThat(w.users().get(member.id()).groups()).isNullOrEmpty();

    w.servicePrincipals().delete(sp.id());
    assertThat(w.groups().get(groups.get(0)).members()).isNullOrEmpty();
    w.groups().delete(groups.get(4));
    assertThatThrownBy(() -> w.groups().get(groups.get(4))).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void servicePrincipalsAreListedOverPagesAndPatched() {
    List<ServicePrincipal> sps = IntStream.range(0, 5).mapToObj(i -> w.servicePrincipals().create(ServicePrincipal
        .builder().displayName("sp-" + i).build())).toList();
    assertThat(sps).allSatisfy(sp -> assertThat(sp.applicationId()).isNotBlank());
    assertThat(w.servicePrincipals().list(ListServicePrincipalsRequest.builder().build()).stream()
        .map(ServicePrincipal::id).toList()).containsAll(sps.stream().map(ServicePrincipal::id).toList())
        .doesNotHaveDuplicates();

    String id = sps.get(0).id();
    w.servicePrincipals().patch(patch(id, PatchOp.REPLACE, "displayName", "sp-0-renamed"));
    ServicePrincipal renamed = w.servicePrincipals().get(id);
    assertThat(renamed.displayName()).isEqualTo("sp-0-renamed");
    assertThat(renamed.applicationId()).isEqualTo(sps.get(0).applicationId());
    w.servicePrincipals().update(ServicePrincipal.builder().id(id).displayName("sp-0-replaced").active(false).build());
    ServicePrincipal replaced = w.servicePrincipals().get(id);
    assertThat(replaced.applicationId()).as("a replace keeps the application id").isEqualTo(sps.get(0).applicationId());
    assertThat(replaced.active()).isFalse();
  }

  @Test
  void theCurrentUserIsInTheAdminsGroup() {
    User me = w.currentUser().me(MeRequest.builder().build());
    assertThat(me.userName()).isEqualTo(LocalWorkspace.DEFAULT_USER);
    assertThat(me.groups()).extracting(ComplexValue::display).contains("admins");
    assertThat(w.users().get(me.id()).userName()).isEqualTo(me.userName());
  }

  @Test
  void scimErrorsAreTyped() {
    User taken = user("taken@example.com");
    assertThatThrownBy(() -> user("taken@example.com")).isInstanceOf(ResourceAlreadyExists.class)
        .hasMessageContaining("taken@example.com");
    assertThatThrownBy(() -> user("TAKEN@example.com")).as("user names are case-insensitive")
        .isInstanceOf(ResourceAlreadyExists.class);
    w.groups().create(Group.builder().displayName("dup-group").build());
    assertThatThrownBy(() -> w.groups().create(Group.builder().displayName("dup-group").build()))
        .isInstanceOf(ResourceAlreadyExists.class);
    assertThatThrownBy(() -> w.users().create(User.builder().displayName("nameless").build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("userName");
    assertThatThrownBy(() -> w.groups().create(Group.builder().build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("displayName");
    assertThatThrownBy(() -> w.users().patch(PartialUpdate.builder().id(taken.id()).build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("Operations");
    assertThatThrownBy(() -> w.users().patch(patch("123", PatchOp.REPLACE, "active", false)))
        .isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.servicePrincipals().delete("123")).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.users().list(ListUsersRequest.builder().filter("userName zz \"x\"").build()).stream()
        .toList()).isInstanceOf(InvalidParameterValue.class);
  }
}
