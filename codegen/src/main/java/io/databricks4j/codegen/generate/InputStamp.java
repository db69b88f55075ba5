package io.databricks4j.codegen.generate;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of everything generated sources follow from: the arguments, the description, the mixins
 * and the code of the generator and of JavaPoet. Written next to the sources with their list, it
 * lets a build whose inputs did not change skip generating (rendering a package costs seconds,
 * most of it warming up the JIT in a fresh class loader).
 */
final class InputStamp {
  static final String FILE = ".databricks4j-codegen";

  private InputStamp() {}

  static String of(List<String> args, Path api, Path mixins) throws IOException {
    MessageDigest d = sha256();
    d.update(String.join("\u0000", args).getBytes(StandardCharsets.UTF_8));
    for (Path p : files(api, ".json")) add(d, p);
    if (mixins != null && Files.exists(mixins)) add(d, mixins);
    for (Class<?> code : List.of(Generator.class, JavaFile.class)) {
      Path where = location(code);
      for (Path p : Files.isDirectory(where) ? files(where, ".class") : List.of(where)) add(d, p);
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /** Whether {@code out} holds the sources of exactly this stamp, all of them present. */
  static boolean upToDate(Path out, String stamp) throws IOException {
    Path file = out.resolve(FILE);
    if (!Files.isRegularFile(file)) return false;
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return !lines.isEmpty() && lines.get(0).equals(stamp)
        && lines.stream().skip(1).allMatch(f -> Files.isRegularFile(out.resolve(f)));
  }

  static void write(Path out, String stamp, Collection<Path> sources) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(stamp);
    sources.stream().map(p -> out.relativize(p).toString().replace('\\', '/')).sorted().forEach(lines::add);
    Files.createDirectories(out);
    Files.write(out.resolve(FILE), lines, StandardCharsets.UTF_8);
  }

  private static void add(MessageDigest d, Path file) throws IOException {
    d.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
    d.update(Files.readAllBytes(file));
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the code of " + type, e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
