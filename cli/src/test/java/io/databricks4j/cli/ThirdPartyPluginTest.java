package io.databricks4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credentials plug-in shipped in a jar of its own by somebody else is picked up with no code
 * change: the test compiles one into a separate jar and runs the CLI in a fresh JVM with that jar
 * added to the class path.
 */
class ThirdPartyPluginTest {
  private static final String SOURCE = String.join("\n",
      "package com.acme.auth;",
      "import io.databricks4j.auth.*;",
      "import java.util.*;",
      "public final class AcmeTokenStrategy implements CredentialsStrategy {",
      "  public String authType() { return \"acme-token\"; }",
      "  public int priority() { return 5; }",
      "  public String requirement() { return \"needs host and ACME_TOKEN\"; }",
      "  public Optional<HeaderFactory> configure(ConfigView c) {",
      "    String t = c.environment().get(\"ACME_TOKEN\");",
      "    if (t == null || c.host().isEmpty()) return Optional.empty();",
      "    return Optional.of(() -> Map.of(\"Authorization\", \"Acme \" + t));",
      "  }",
      "}");

  @TempDir
  Path dir;

  @Test
  void aStrategyInAJarOfItsOwnIsFoundByServiceLoader() throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path src = dir.resolve("src/com/acme/auth/AcmeTokenStrategy.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, SOURCE);
    Path classes = dir.resolve("classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", classPath, src.toString());
    assertThat(rc).isZero();
    Path jar = dir.resolve("acme-auth.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      add(out, "com/acme/auth/AcmeTokenStrategy.class", Files.readAllBytes(classes.resolve("com/acme/auth/AcmeTokenStrategy.class")));
      add(out, "META-INF/services/io.databricks4j.auth.CredentialsStrategy", "com.acme.auth.AcmeTokenStrategy\n".getBytes(StandardCharsets.UTF_8));
    }

    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath + java.io.File.pathSeparator + jar, Main.class.getName(),
        "auth", "describe", "--json", "--host", "https://acme.cloud.databricks.com"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("ACME_TOKEN", "t0k3n");
    Process p = pb.start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    p.getInputStream().transferTo(output);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = output.toString(StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    assertThat(text).contains("\"auth_type\" : \"acme-token\"");
  }

  private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(bytes);
    out.closeEntry();
  }

}
