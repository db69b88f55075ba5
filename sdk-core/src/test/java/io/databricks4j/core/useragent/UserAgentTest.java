package io.databricks4j.core.useragent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserAgentTest {
  @AfterEach
  void reset() {
    UserAgent.reset();
  }

  @Test
  void startsWithProductSdkJvmAndOs() {
    String ua = UserAgent.forClient(Map.of(), "", Map.of());
    assertThat(ua).matches("unknown/0\\.0\\.0 databricks4j/[0-9A-Za-z_.+-]+ jvm/[0-9A-Za-z_.+-]+ os/[0-9A-Za-z_.+-]+");
    assertThat(ua.split(" ")[3]).isEqualTo("os/" + UserAgent.osName(System.getProperty("os.name")));
  }

  @Test
  void addsProductPartnersExtrasAuthUpstreamRuntimeAndCiCd() {
    UserAgent.withProduct("my-tool", "1.2.3-rc.1");
    UserAgent.withPartner("acme");
    UserAgent.withPartner("acme");
    UserAgent.withExtra("feature", "tables");
    Map<String, String> env = Map.of(
        "DATABRICKS_SDK_UPSTREAM", "terraform", "DATABRICKS_SDK_UPSTREAM_VERSION", "1.50.0",
        "DATABRICKS_RUNTIME_VERSION", "15.4 LTS", "GITHUB_ACTIONS", "true");
    Map<String, String> clientExtras = new LinkedHashMap<>();
    clientExtras.put("app", "etl");
    String ua = UserAgent.forClient(env, "pat", clientExtras);
    assertThat(ua).startsWith("my-tool/1.2.3-rc.1 databricks4j/")
        .endsWith(" auth/pat app/etl partner/acme feature/tables upstream/terraform upstream-version/1.50.0"
            + " runtime/15.4-LTS cicd/github");
  }

  @Test
  void detectsCiSystemsFromTheEnvironmentSeam() {
    assertThat(UserAgent.forClient(Map.of("TF_BUILD", "True"), "", Map.of())).endsWith(" cicd/azure-devops");
    assertThat(UserAgent.forClient(Map.of("JENKINS_URL", "http://ci"), "", Map.of())).endsWith(" cicd/jenkins");
    assertThat(UserAgent.forClient(Map.of("CODEBUILD_BUILD_ARN", "arn"), "", Map.of())).endsWith(" cicd/aws-code-build");
    assertThat(UserAgent.forClient(Map.of("BUILDKITE", "true"), "", Map.of())).endsWith(" cicd/buildkite");
    assertThat(UserAgent.forClient(Map.of("GITLAB_CI", "false"), "", Map.of())).doesNotContain("cicd/");
  }

  @Test
  void rejectsInvalidNamesAndVersionsSayingTheRule() {
    assertThatThrownBy(() -> UserAgent.withProduct("my tool", "1.0.0")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("letters, digits and _ . + - only");
    assertThatThrownBy(() -> UserAgent.withProduct("tool", "1.0")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("semantic version");
    assertThatThrownBy(() -> UserAgent.withExtra("k", "a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThat(UserAgent.forClient(Map.of("DATABRICKS_SDK_UPSTREAM", "bad name", "DATABRICKS_SDK_UPSTREAM_VERSION", "1"),
        "", Map.of())).doesNotContain("upstream");
  }

  @Test
  void theVersionComesFromTheBuildOrFallsBack() {
    assertThat(UserAgent.version()).matches("[0-9A-Za-z_.+-]+");
  }
}
