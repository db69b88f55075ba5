package io.databricks4j.codegen.generate;

import io.databricks4j.codegen.model.DescriptionIo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes every committed file that follows from the API description: the module poms and lists
 * ({@link ModuleFiles}) and the golden sources ({@link Golden}). With {@code --check} it writes
 * nothing and lists what differs, exiting 1 when something does.
 *
 * <pre>
 * Regenerate --root REPO [--check]      (mvn -pl codegen -Pregenerate)
 * </pre>
 */
public final class Regenerate {
  private Regenerate() {}

  public static void main(String[] args) throws IOException {
    Path root = null;
    boolean check = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]);
        case "--check" -> check = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: Regenerate --root DIR [--check]");
      }
    }
    if (root == null) throw new IllegalArgumentException("--root DIR (the repository) is required");
    long start = System.nanoTime();
    Plan plan = plan(root);
    Map<String, String> files = expected(root, plan);
    List<String> stale = stale(root, plan, files);
    List<String> differ = differences(root, files);
    if (check) {
      differ.forEach(f -> System.out.println("differs: " + f));
      stale.forEach(f -> System.out.println("stale: " + f));
      if (!differ.isEmpty() || !stale.isEmpty()) System.exit(1);
      return;
    }
    for (String f : differ) {
      Path file = root.resolve(f);
      Files.createDirectories(file.getParent());
      Files.writeString(file, files.get(f), StandardCharsets.UTF_8);
      System.out.println("wrote " + f);
    }
    for (String f : stale) {
      Files.delete(root.resolve(f));
      System.out.println("deleted " + f + " (its package left the description; delete any hand-written code left in its directory)");
    }
    System.out.printf("databricks4j regenerate: %d files, %d changed, %d deleted, %d ms%n", files.size(), differ.size(),
        stale.size(), (System.nanoTime() - start) / 1_000_000);
  }

  /** Every derived file by path relative to the repository root. */
  static Map<String, String> expected(Path root, Plan plan) {
    Map<String, String> files = new TreeMap<>(moduleFiles(root, plan).expected(root));
    Golden.sources(plan).forEach((path, source) -> files.put(Golden.DIR + "/" + path, source));
    return files;
  }

  /** Derived files on disk that are derived no more: package poms of a package gone, golden files dropped. */
  static List<String> stale(Path root, Plan plan, Map<String, String> expected) throws IOException {
    List<String> out = new ArrayList<>(moduleFiles(root, plan).stale(root));
    out.addAll(extraGolden(root, expected));
    return out;
  }

  /** Files of {@code expected} that are missing on disk or differ. */
  static List<String> differences(Path root, Map<String, String> expected) throws IOException {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Path file = root.resolve(e.getKey());
      if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) out.add(e.getKey());
    }
    return out;
  }

  private static List<String> extraGolden(Path root, Map<String, String> expected) throws IOException {
    Path dir = root.resolve(Golden.DIR);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !expected.containsKey(p)).sorted().toList();
    }
  }

  static Plan plan(Path root) {
    return new Plan(DescriptionIo.readPackages(root.resolve("codegen/api")), readMixins(root));
  }

  static ModuleFiles moduleFiles(Path root, Plan plan) {
    return new ModuleFiles(plan, ModuleFiles.readExtras(root.resolve("codegen/package-modules.json")));
  }

  private static Map<String, String> readMixins(Path root) {
    try {
      return Generator.readMixins(root.resolve("codegen/mixins.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
