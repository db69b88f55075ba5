package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.ResourceAlreadyExists;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.compute.AddInstanceProfile;
import io.databricks4j.service.compute.GlobalInitScriptCreateRequest;
import io.databricks4j.service.compute.GlobalInitScriptDetails;
import io.databricks4j.service.compute.GlobalInitScriptDetailsWithContent;
import io.databricks4j.service.compute.GlobalInitScriptUpdateRequest;
import io.databricks4j.service.compute.InstanceProfile;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Global init scripts, instance profiles and workspace configuration through the SDK. */
class SdkWorkspaceAdminTest {
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

  private static String base64(String script) {
    return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
  }

  private static String script(String name, Long position) {
    return w.globalInitScripts().create(GlobalInitScriptCreateRequest.builder().name(name)
        .script(base64("#!/bin/bash\necho " + name)).enabled(true).position(position).build()).scriptId();
  }

  @Test
  void globalInitScriptsKeepTheirOrderWhenInsertedMovedAndDeleted() {
    List<String> ids = IntStream.range(0, 5).mapToObj(i -> script("script-" + i, null)).toList();
    GlobalInitScriptDetailsWithContent read = w.globalInitScripts().get(ids.get(2));
    assertThat(read.name()).isEqualTo("script-2");
    assertThat(new String(Base64.getDecoder().decode(read.script()), StandardCharsets.UTF_8)).endsWith("echo script-2");
    assertThat(read.position()).isEqualTo(2L);
    assertThat(read.createdBy()).isEqualTo(LocalWorkspace.DEFAULT_USER);

    String first = script("first", 0L);
    assertThat(w.globalInitScripts().list().stream().map(GlobalInitScriptDetails::name).toList())
        .containsExactly("first", "script-0", "script-1", "script-2", "script-3", "script-4");

    w.globalInitScripts().update(GlobalInitScriptUpdateRequest.builder().scriptId(first).name("last")
        .script(base64("echo last")).enabled(false).position(5L).build());
    GlobalInitScriptDetailsWithContent moved = w.globalInitScripts().get(first);
    assertThat(moved.name()).isEqualTo("last");
    assertThat(moved.enabled()).isFalse();
    assertThat(moved.position()).isEqualTo(5L);

    w.globalInitScripts().delete(ids.get(0));
    assertThat(w.globalInitScripts().list().stream().map(GlobalInitScriptDetails::name).toList())
        .containsExactly("script-1", "script-2", "script-3", "script-4", "last");
    assertThatThrownBy(() -> w.globalInitScripts().get(ids.get(0))).isInstanceOf(ResourceDoesNotExist.class);
    ids.subList(1, ids.size()).forEach(id -> w.globalInitScripts().delete(id));
    w.globalInitScripts().delete(first);
  }

  @Test
  void positionsStayContiguousAfterADelete() {
    List<String> ids = IntStream.range(0, 3).mapToObj(i -> script("contiguous-" + i, null)).toList();
    w.globalInitScripts().delete(ids.get(0));
    assertThat(w.globalInitScripts().list().stream().filter(s -> s.name().startsWith("contiguous-"))
        .map(GlobalInitScriptDetails::position).toList()).containsExactly(0L, 1L);
    ids.subList(1, ids.size()).forEach(id -> w.globalInitScripts().delete(id)); // the workspace is the class's
  }

  @Test
  void globalInitScriptErrorsAreTyped() {
    assertThatThrownBy(() -> w.globalInitScripts().create(GlobalInitScriptCreateRequest.builder().name("no-script")
        .build())).isInstanceOf(InvalidParameterValue.class).hasMessageContaining("script");
    assertThatThrownBy(() -> w.globalInitScripts().create(GlobalInitScriptCreateRequest.builder().name("plain")
        .script("echo not base64!").build())).isInstanceOf(InvalidParameterValue.class).hasMessageContaining("base64");
    assertThatThrownBy(() -> w.globalInitScripts().update(GlobalInitScriptUpdateRequest.builder()
        .scriptId("0000000000000000").name("x").script(base64("x")).build())).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.globalInitScripts().delete("0000000000000000")).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void instanceProfilesAreAddedListedEditedAndRemoved() {
    List<String> arns = IntStream.range(0, 5).mapToObj(i -> "arn:aws:iam::123456789012:instance-profile/p" + i).toList();
    arns.forEach(arn -> w.instanceProfiles().add(AddInstanceProfile.builder().instanceProfileArn(arn).build()));
    assertThat(w.instanceProfiles().list().stream().map(InstanceProfile::instanceProfileArn).toList())
        .containsExactlyInAnyOrderElementsOf(arns);

    String role = "arn:aws:iam::123456789012:role/p0";
    w.instanceProfiles().edit(InstanceProfile.builder().instanceProfileArn(arns.get(0)).iamRoleArn(role)
        .isMetaInstanceProfile(true).build());
    InstanceProfile edited = w.instanceProfiles().list().stream()
        .filter(p -> p.instanceProfileArn().equals(arns.get(0))).findFirst().orElseThrow();
    assertThat(edited.iamRoleArn()).isEqualTo(role);
    assertThat(edited.isMetaInstanceProfile()).isTrue();

    w.instanceProfiles().remove(arns.get(4));
    assertThat(w.instanceProfiles().list().stream().map(InstanceProfile::instanceProfileArn)).doesNotContain(arns.get(4));

    assertThatThrownBy(() -> w.instanceProfiles().add(AddInstanceProfile.builder().instanceProfileArn(arns.get(1))
        .build())).isInstanceOf(ResourceAlreadyExists.class);
    assertThatThrownBy(() -> w.instanceProfiles().add(AddInstanceProfile.builder().instanceProfileArn("not-an-arn")
        .build())).isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(() -> w.instanceProfiles().add(AddInstanceProfile.builder().build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("instance_profile_arn");
    assertThatThrownBy(() -> w.instanceProfiles().remove(arns.get(4))).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.instanceProfiles().edit(InstanceProfile.builder().instanceProfileArn(arns.get(4))
        .build())).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void workspaceConfigurationIsSetReadAndCleared() {
    w.workspaceConf().setStatus(Map.of("enableTokensConfig", "true", "maxTokenLifetimeDays", "90"));
    assertThat(w.workspaceConf().getStatus("enableTokensConfig,maxTokenLifetimeDays"))
        .containsEntry("enableTokensConfig", "true").containsEntry("maxTokenLifetimeDays", "90");
    w.workspaceConf().setStatus(Map.of("maxTokenLifetimeDays", "30"));
    Map<String, String> both = w.workspaceConf().getStatus("maxTokenLifetimeDays,enableTokensConfig,neverSet");
    assertThat(both).containsEntry("maxTokenLifetimeDays", "30").containsEntry("enableTokensConfig", "true");
    assertThat(both.get("neverSet")).isNull();
  }
}
