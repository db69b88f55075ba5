package io.databricks4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  private static final Path JVM_HOME = Path.of(System.getProperty("user.home"));

  @Test
  void unixHomeComesFromHomeNotFromUserHome() {
    assertThat(Environment.homeOf(Map.of("HOME", "/srv/ci-home"), "Linux")).isEqualTo(Path.of("/srv/ci-home"));
  }

  @Test
  void unixIgnoresUserProfile() {
    assertThat(Environment.homeOf(Map.of("USERPROFILE", "/elsewhere"), "Mac OS X")).isEqualTo(JVM_HOME);
  }

  @Test
  void windowsHomeComesFromUserProfileFirst() {
    assertThat(Environment.homeOf(Map.of("USERPROFILE", "C:\\Users\\ada", "HOME", "/h"), "Windows 11"))
        .isEqualTo(Path.of("C:\\Users\\ada"));
    assertThat(Environment.homeOf(Map.of("HOME", "/h"), "Windows 11")).isEqualTo(Path.of("/h"));
  }

  @Test
  void emptyValueCountsAsUnset() {
    assertThat(Environment.homeOf(Map.of("HOME", ""), "Linux")).isEqualTo(JVM_HOME);
    assertThat(Environment.homeOf(Map.of("USERPROFILE", "", "HOME", ""), "Windows 10")).isEqualTo(JVM_HOME);
  }

  @Test
  void systemEnvironmentUsesTheProcessHome() {
    String home = System.getenv("HOME");
    if (home != null && !home.isEmpty() && !System.getProperty("os.name").startsWith("Windows")) {
      assertThat(Environment.system().home()).isEqualTo(Path.of(home));
    }
  }
}
