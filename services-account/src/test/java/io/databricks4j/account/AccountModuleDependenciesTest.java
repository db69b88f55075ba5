package io.databricks4j.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pom lists the API package modules by hand while the generator derives them: the two must
 * name the same modules, so an account-only application gets exactly the models the account
 * services use, and never the workspace client.
 */
class AccountModuleDependenciesTest {

  @Test
  void thePomDependsOnThePackageModulesTheGeneratedModuleInfoRequires() throws IOException {
    String moduleInfo = Files.readString(Path.of("target/generated-sources/databricks4j/module-info.java"));
    String pom = Files.readString(Path.of("pom.xml"));
    Set<String> required = all(Pattern.compile("requires transitive io\\.databricks4j\\.service\\.(\\w+);"), moduleInfo);
    Set<String> depended = all(Pattern.compile("<artifactId>service-(\\w+)</artifactId>\\s*<version>[^<]*</version>\\s*</dependency>"), pom);
    assertThat(required).as("package modules the account services name").isNotEmpty().contains("provisioning");
    assertThat(depended).as("service-* dependencies of services-account/pom.xml").isEqualTo(required);
    assertThat(moduleInfo).contains("requires static io.databricks4j.services.workspace.client;")
        .doesNotContain("requires transitive io.databricks4j.services.workspace.client");
    assertThat(pom).doesNotContain("<artifactId>services-workspace</artifactId>\n      <version>${project.version}</version>\n    </dependency>");
  }

  private static Set<String> all(Pattern p, String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
