package io.databricks4j.codegen.generate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.Service;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import io.databricks4j.codegen.model.DescriptionIo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes the Java sources of one services module from the API description.
 *
 * <pre>
 * Generator --api codegen/api --out target/generated-sources/databricks4j --level workspace|account [--mixins codegen/mixins.json]
 * </pre>
 *
 * <p>{@code workspace} writes every model (account-only ones too: one package, one module), the
 * workspace services, their wire interfaces and {@code WorkspaceServices}; {@code account} writes
 * the account services, their wire interfaces and {@code AccountServices}. Unchanged files are
 * not rewritten, files no longer generated are deleted.
 */
public final class Generator {
  private final Plan plan;
  private final Map<String, String> files = new TreeMap<>();

  Generator(Plan plan) {
    this.plan = plan;
  }

  public static void main(String[] args) throws IOException {
    Path api = Path.of("codegen/api");
    Path out = null;
    String level = null;
    Path mixins = null;
    String module = null;
    java.util.List<String> exports = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--api" -> api = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--level" -> level = args[++i];
        case "--mixins" -> mixins = Path.of(args[++i]);
        case "--module" -> module = args[++i];
        case "--export" -> exports.add(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: Generator --api DIR --out DIR --level workspace|account [--mixins FILE]"
            + " [--module NAME [--export PACKAGE]...]");
      }
    }
    if (out == null || !("workspace".equals(level) || "account".equals(level))) {
      throw new IllegalArgumentException("--out and --level workspace|account are required");
    }
    long start = System.nanoTime();
    Generator g = new Generator(new Plan(DescriptionIo.readPackages(api), readMixins(mixins)));
    int ops = g.generate(level);
    if (module != null) g.moduleInfo(level, module, exports);
    int written = g.write(out);
    System.out.printf("databricks4j codegen: %s: %d files (%d changed), %d operations, %d ms%n",
        level, g.files.size(), written, ops, (System.nanoTime() - start) / 1_000_000);
  }

  static Map<String, String> readMixins(Path file) throws IOException {
    if (file == null || !Files.exists(file)) return Map.of();
    return new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() {});
  }

  static String mappedWaitClass(String level) {
    return internalPackage(level) + ".MappedWait";
  }

  static String internalPackage(String level) {
    return "account".equals(level) ? Plan.ACCOUNT_ROOT + ".internal" : TypeIndex.MODEL_ROOT + ".internal";
  }

  /** Renders every source of the level in memory; returns the number of operations generated. */
  int generate(String level) {
    ServiceWriter services = new ServiceWriter(plan);
    WireWriter wires = new WireWriter(plan);
    if (level.equals("workspace")) {
      ModelWriter models = new ModelWriter(plan.types);
      for (TypeDef t : plan.types.all().values()) {
        put(TypeIndex.modelPackage(t.packageName()) + "." + t.name(), models.write(t));
      }
      put(ModelWriter.TO_STRINGER, SupportWriter.toStringer(TypeIndex.MODEL_ROOT + ".internal"));
    }
    int ops = 0;
    boolean lro = false;
    for (Service s : plan.generated(level)) {
      List<Operation> list = plan.operations(s);
      checkNames(s, list);
      ops += list.size();
      lro |= list.stream().anyMatch(o -> o.lro() != null);
      put(plan.serviceClass(s), services.write(s));
      if (list.stream().anyMatch(o -> !Plan.isRaw(o))) put(plan.wireClass(s), wires.write(s));
    }
    if (lro) put(mappedWaitClass(level), SupportWriter.mappedWait(internalPackage(level)));
    String root = level.equals("workspace") ? TypeIndex.MODEL_ROOT : Plan.ACCOUNT_ROOT;
    String name = level.equals("workspace") ? "WorkspaceServices" : "AccountServices";
    put(root + "." + name, new ServicesWriter(plan).write(level, root, name));
    return ops;
  }

  /**
   * {@code module-info.java}: exports every generated package (and {@code extraExports}, the
   * hand-written ones), keeps wire interfaces unexported, and opens model packages to Jackson,
   * which builds models through their builders' private constructors.
   */
  void moduleInfo(String level, String module, List<String> extraExports) {
    java.util.TreeSet<String> exported = new java.util.TreeSet<>(extraExports);
    java.util.TreeSet<String> opened = new java.util.TreeSet<>();
    for (String fqcn : files.keySet()) {
      String pkg = fqcn.substring(0, fqcn.lastIndexOf('.'));
      if (pkg.endsWith(".internal")) continue;
      exported.add(pkg);
      if (level.equals("workspace") && !pkg.equals(TypeIndex.MODEL_ROOT)) opened.add(pkg);
    }
    Src s = new Src();
    s.javadoc("databricks4j " + level + " services" + (level.equals("workspace") ? " and every model" : "") + "; generated from codegen/api.");
    s.open("module " + module + " {");
    s.line(level.equals("workspace") ? "requires transitive io.databricks4j.core;" : "requires transitive io.databricks4j.services.workspace;");
    s.line("requires static java.compiler;");
    if (level.equals("workspace")) s.line("requires org.slf4j;"); // the hand-written mixins log
    s.line();
    for (String p : exported) s.line("exports " + p + ";");
    if (!opened.isEmpty()) s.line();
    for (String p : opened) s.line("opens " + p + " to com.fasterxml.jackson.databind;");
    s.close("}");
    files.put("module-info", s.toString());
  }

  /** Method names of a service class must not collide (own ops, folded ops, Page/AndWait forms). */
  private static void checkNames(Service s, List<Operation> ops) {
    Set<String> names = new HashSet<>();
    for (Operation o : ops) {
      if (!names.add(o.name())) throw new IllegalStateException(Plan.key(s) + ": two operations named " + o.name());
    }
    for (Operation o : ops) {
      if (o.pagination() != null && names.contains(o.name() + "Page")) {
        throw new IllegalStateException(Plan.key(s) + ": " + o.name() + "Page is an operation too");
      }
      if ((o.waitStart() != null || o.lro() != null) && names.contains(o.name() + "AndWait")) {
        throw new IllegalStateException(Plan.key(s) + ": " + o.name() + "AndWait is an operation too");
      }
    }
  }

  /** Rendered sources by fully-qualified class name. */
  Map<String, String> files() {
    return files;
  }

  private void put(String fqcn, String source) {
    if (files.put(fqcn, source) != null) throw new IllegalStateException("generated twice: " + fqcn);
  }

  private int write(Path out) throws IOException {
    Set<Path> keep = new HashSet<>();
    int changed = 0;
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path file = out.resolve(e.getKey().equals("module-info") ? "module-info.java" : e.getKey().replace('.', '/') + ".java");
      keep.add(file);
      byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
      if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) continue;
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      changed++;
    }
    if (Files.isDirectory(out)) {
      try (Stream<Path> all = Files.walk(out)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          if (p.toString().endsWith(".java") && !keep.contains(p)) Files.delete(p);
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return changed;
  }
}
