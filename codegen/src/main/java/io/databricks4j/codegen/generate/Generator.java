package io.databricks4j.codegen.generate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.ClassName;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.Service;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import io.databricks4j.codegen.model.DescriptionIo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Writes the Java sources of one services module from the API description.
 *
 * <pre>
 * Generator --api codegen/api --out target/generated-sources/databricks4j --level package|client|account
 *           [--package NAME] [--mixins codegen/mixins.json] [--module NAME [--export PKG]... [--requires MODULE]...]
 * </pre>
 *
 * <p>{@code package} writes one API package ({@code --package compute}): its models (account-only
 * ones too), its workspace services and their wire interfaces, one module each, so an application
 * carries only the packages it uses. {@code client} writes {@code WorkspaceServices}, whose
 * accessors reach every package module (an absent one is a clear error when its accessor is called).
 * {@code account} writes the account services, their wire interfaces and {@code AccountServices}.
 * Unchanged files are not rewritten, files no longer generated are deleted.
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
    String pkg = null;
    Path mixins = null;
    String module = null;
    List<String> exports = new ArrayList<>();
    List<String> requires = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--api" -> api = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--level" -> level = args[++i];
        case "--package" -> pkg = args[++i];
        case "--mixins" -> mixins = Path.of(args[++i]);
        case "--module" -> module = args[++i];
        case "--export" -> exports.addAll(list(args[++i]));
        case "--requires" -> requires.addAll(list(args[++i]));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: Generator --api DIR --out DIR --level package|client|account [--package NAME]"
            + " [--mixins FILE] [--module NAME [--export PACKAGE]... [--requires MODULE]...]");
      }
    }
    if (out == null || !List.of("package", "client", "account").contains(level)) {
      throw new IllegalArgumentException("--out and --level package|client|account are required");
    }
    if ("package".equals(level) == (pkg == null)) {
      throw new IllegalArgumentException("--package NAME goes with --level package, and only with it");
    }
    long start = System.nanoTime();
    // an empty Maven property arrives as a null argument
    String stamp = InputStamp.of(Arrays.stream(args).map(a -> a == null ? "" : a).toList(), api, mixins);
    if (InputStamp.upToDate(out, stamp)) {
      System.out.printf("databricks4j codegen: %s%s: up to date, %d ms%n", level, pkg == null ? "" : " " + pkg,
          (System.nanoTime() - start) / 1_000_000);
      return;
    }
    Generator g = new Generator(new Plan(DescriptionIo.readPackages(api), readMixins(mixins)));
    String only = pkg;
    if (only != null && g.plan.types.all().values().stream().noneMatch(t -> t.packageName().equals(only))
        && g.plan.services.values().stream().noneMatch(x -> x.packageName().equals(only))) {
      throw new IllegalArgumentException("the API description in " + api + " has no package " + pkg);
    }
    int ops = g.generate(level, pkg);
    if (module != null) g.moduleInfo(level, pkg, module, exports, requires);
    int written = g.write(out, stamp);
    System.out.printf("databricks4j codegen: %s%s: %d files (%d changed), %d operations, %d ms%n",
        level, pkg == null ? "" : " " + pkg, g.files.size(), written, ops, (System.nanoTime() - start) / 1_000_000);
  }

  /** Comma-separated values (a Maven property can hold several); blanks dropped. */
  private static List<String> list(String value) {
    if (value == null) return List.of(); // an empty Maven property arrives as no value
    return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  static Map<String, String> readMixins(Path file) throws IOException {
    if (file == null || !Files.exists(file)) return Map.of();
    return new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() {});
  }

  /** The wait adapter a service's long-running operations use: one per package module, one for the account module. */
  static ClassName mappedWaitClass(Service s) {
    return ClassName.get(internalPackage(s), "MappedWait");
  }

  static String internalPackage(Service s) {
    return "account".equals(s.level()) ? Plan.ACCOUNT_ROOT + ".internal" : TypeIndex.modelPackage(s.packageName()) + ".internal";
  }

  /** Renders every source of the level (of one package for {@code package}) in memory; returns the number of operations generated. */
  int generate(String level, String pkg) {
    Map<String, Supplier<String>> tasks = new LinkedHashMap<>();
    int ops = plan(level, pkg, tasks);
    // sources are independent of each other: render them on every core
    tasks.entrySet().parallelStream().map(e -> Map.entry(e.getKey(), e.getValue().get())).toList()
        .forEach(e -> files.put(e.getKey(), e.getValue()));
    return ops;
  }

  /** The sources of the level by class name, to be rendered; returns the number of operations. */
  private int plan(String level, String pkg, Map<String, Supplier<String>> tasks) {
    if (level.equals("client")) {
      put(tasks, TypeIndex.MODEL_ROOT + ".WorkspaceServices",
          () -> new ServicesWriter(plan).write("workspace", TypeIndex.MODEL_ROOT, "WorkspaceServices"));
      return 0;
    }
    ServiceWriter services = new ServiceWriter(plan);
    WireWriter wires = new WireWriter(plan);
    String serviceLevel = level.equals("package") ? "workspace" : level;
    if (level.equals("package")) {
      ModelWriter models = new ModelWriter(plan.types);
      for (TypeDef t : plan.types.all().values()) {
        if (t.packageName().equals(pkg)) put(tasks, TypeIndex.modelPackage(t.packageName()) + "." + t.name(), () -> models.write(t));
      }
      put(tasks, ModelWriter.toStringer(pkg).canonicalName(), () -> SupportWriter.toStringer(TypeIndex.modelPackage(pkg) + ".internal"));
    }
    int ops = 0;
    Set<String> lro = new TreeSet<>();
    for (Service s : plan.generated(serviceLevel)) {
      if (pkg != null && !s.packageName().equals(pkg)) continue;
      List<Operation> list = plan.operations(s);
      checkNames(s, list);
      ops += list.size();
      if (list.stream().anyMatch(o -> o.lro() != null)) lro.add(internalPackage(s));
      put(tasks, plan.serviceClass(s).canonicalName(), () -> services.write(s));
      if (list.stream().anyMatch(o -> !Plan.isRaw(o))) put(tasks, plan.wireClass(s).canonicalName(), () -> wires.write(s));
    }
    for (String internal : lro) put(tasks, internal + ".MappedWait", () -> SupportWriter.mappedWait(internal));
    if (level.equals("account")) {
      put(tasks, Plan.ACCOUNT_ROOT + ".AccountServices",
          () -> new ServicesWriter(plan).write(level, Plan.ACCOUNT_ROOT, "AccountServices"));
    }
    return ops;
  }

  /** The module of API package {@code pkg}. */
  static String packageModule(String pkg) {
    return TypeIndex.modelPackage(pkg);
  }

  /**
   * {@code module-info.java}: exports every generated package (and {@code extraExports}, the
   * hand-written ones), keeps wire interfaces unexported, and opens model packages to Jackson,
   * which builds models through their builders' private constructors. A package module requires
   * the package modules its models name; the client requires every package module statically and
   * not transitively, so an application compiles with just the package modules its own
   * {@code module-info} names. The account module requires core and the package modules its
   * services name, not the workspace client, so an account-only application stays lean.
   */
  void moduleInfo(String level, String pkg, String module, List<String> extraExports, List<String> extraRequires) {
    TreeSet<String> exported = new TreeSet<>(extraExports);
    TreeSet<String> opened = new TreeSet<>();
    for (String fqcn : files.keySet()) {
      String p = fqcn.substring(0, fqcn.lastIndexOf('.'));
      if (p.endsWith(".internal")) continue;
      exported.add(p);
      if (level.equals("package")) opened.add(p);
    }
    Src s = new Src();
    s.javadoc(switch (level) {
      case "package" -> "databricks4j API package " + pkg + ": its models and workspace services; generated from codegen/api.";
      case "client" -> "databricks4j workspace client: every service accessor; the package modules are optional, add the ones you use.";
      default -> "databricks4j account services; generated from codegen/api.";
    });
    s.open("module " + module + " {");
    switch (level) {
      case "package" -> {
        s.line("requires transitive io.databricks4j.core;");
        for (String other : new PackageGraph(plan).packageDependencies(pkg)) s.line("requires transitive " + packageModule(other) + ";");
      }
      case "client" -> {
        s.line("requires transitive io.databricks4j.core;");
        plan.types.all().values().stream().map(TypeDef::packageName).distinct().sorted()
            .forEach(p -> s.line("requires static " + packageModule(p) + ";"));
      }
      default -> {
        s.line("requires transitive io.databricks4j.core;");
        for (String other : new PackageGraph(plan).accountDependencies()) s.line("requires transitive " + packageModule(other) + ";");
      }
    }
    for (String r : extraRequires) s.line("requires " + r + ";");
    s.line("requires static java.compiler;");
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

  private void put(Map<String, Supplier<String>> tasks, String fqcn, Supplier<String> source) {
    if (tasks.put(fqcn, source) != null || files.containsKey(fqcn)) throw new IllegalStateException("generated twice: " + fqcn);
  }

  private int write(Path out, String stamp) throws IOException {
    Set<Path> keep = new HashSet<>();
    int changed = 0;
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path file = out.resolve(e.getKey().equals("module-info") ? "module-info.java" : e.getKey().replace('.', '/') + ".java");
      keep.add(file);
      byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
      if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), bytes)) continue;
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
    InputStamp.write(out, stamp, keep);
    return changed;
  }
}
