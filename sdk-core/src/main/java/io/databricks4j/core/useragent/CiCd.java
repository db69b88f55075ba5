package io.databricks4j.core.useragent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Detects the CI/CD system from its environment variables, as the official SDKs do. */
final class CiCd {
  /** A variable that must be set, to {@code value} when it is not empty. */
  private record Marker(String variable, String value) {}

  private record Provider(String name, List<Marker> markers) {
    boolean matches(Map<String, String> env) {
      return markers.stream().allMatch(m -> env.containsKey(m.variable())
          && (m.value().isEmpty() || m.value().equals(env.get(m.variable()))));
    }
  }

  /** Sorted by name: when several match, the first wins, whatever the order of the environment. */
  private static final List<Provider> PROVIDERS = List.of(
      new Provider("aws-code-build", List.of(new Marker("CODEBUILD_BUILD_ARN", ""))),
      new Provider("azure-devops", List.of(new Marker("TF_BUILD", "True"))),
      new Provider("bitbucket", List.of(new Marker("BITBUCKET_BUILD_NUMBER", ""))),
      new Provider("buildkite", List.of(new Marker("BUILDKITE", "true"))),
      new Provider("circle", List.of(new Marker("CIRCLECI", "true"))),
      new Provider("github", List.of(new Marker("GITHUB_ACTIONS", "true"))),
      new Provider("gitlab", List.of(new Marker("GITLAB_CI", "true"))),
      new Provider("google-cloud-build", List.of(new Marker("PROJECT_ID", ""), new Marker("BUILD_ID", ""),
          new Marker("PROJECT_NUMBER", ""), new Marker("LOCATION", ""))),
      new Provider("jenkins", List.of(new Marker("JENKINS_URL", ""))),
      new Provider("tf-cloud", List.of(new Marker("TFC_RUN_ID", ""))),
      new Provider("travis", List.of(new Marker("TRAVIS", "true"))));

  private CiCd() {}

  static Optional<String> detect(Map<String, String> env) {
    return PROVIDERS.stream().filter(p -> p.matches(env)).map(Provider::name).findFirst();
  }
}
