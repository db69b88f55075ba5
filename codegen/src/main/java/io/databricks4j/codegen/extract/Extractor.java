package io.databricks4j.codegen.extract;

import com.github.javaparser.ast.body.MethodDeclaration;
import io.databricks4j.codegen.extract.Drafts.OpDraft;
import io.databricks4j.codegen.extract.Drafts.ServiceDraft;
import io.databricks4j.codegen.extract.SourceSet.ClassInfo;
import io.databricks4j.codegen.model.ApiModel.Counts;
import io.databricks4j.codegen.model.ApiModel.Index;
import io.databricks4j.codegen.model.ApiModel.PackageDescription;
import io.databricks4j.codegen.model.ApiModel.Unparsed;
import io.databricks4j.codegen.model.DescriptionIo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the official SDK's sources jar and writes our API description (facts only) to a
 * directory: one JSON file per service package plus {@code index.json}.
 *
 * <pre>
 * Extractor --sources path/to/databricks-sdk-java-X-sources.jar --version X --out codegen/api
 * Extractor --version X --out codegen/api      (jar resolved from ~/.m2)
 * </pre>
 */
public final class Extractor {
  static final int SCHEMA_VERSION = 1;

  private final SourceSet sources;
  private final Problems problems = new Problems();
  private final Models models;
  private final Set<String> reached = new LinkedHashSet<>();
  private final Map<String, ServiceDraft> byApiFqn = new TreeMap<>();

  Extractor(SourceSet sources) {
    this.sources = sources;
    this.models = new Models(sources, problems);
    sources.parseProblems().forEach(p -> problems.add("sources", "parse error " + p));
  }

  public static void main(String[] args) {
    Path jar = null;
    String version = null;
    Path out = Path.of("codegen/api");
    Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sources" -> jar = Path.of(args[++i]);
        case "--version" -> version = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        case "--m2" -> m2 = Path.of(args[++i]);
        default -> throw new IllegalArgumentException(
            "unknown argument " + args[i] + "; usage: Extractor [--sources JAR] --version X [--out DIR] [--m2 REPO]");
      }
    }
    if (version == null) {
      throw new IllegalArgumentException("--version is required (it is stamped into index.json)");
    }
    if (jar == null) {
      jar = m2.resolve("com/databricks/databricks-sdk-java/" + version
          + "/databricks-sdk-java-" + version + "-sources.jar");
    }
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("sources jar not found: " + jar
          + "; fetch it with mvn -pl codegen -Pextract -Dofficial.version=" + version);
    }
    long start = System.nanoTime();
    Result r = new Extractor(SourceSet.load(jar)).run(version);
    r.write(out);
    r.print(System.out);
    System.out.printf("wrote %s in %d ms%n", out, (System.nanoTime() - start) / 1_000_000);
  }

  /** The description, ready to write. */
  record Result(Index index, List<PackageDescription> packages) {
    void write(Path dir) {
      try {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
          for (Path p : old.filter(f -> f.toString().endsWith(".json")).toList()) {
            Files.delete(p);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (PackageDescription p : packages) {
        DescriptionIo.write(dir.resolve(p.name() + ".json"), p);
      }
      DescriptionIo.write(dir.resolve(DescriptionIo.INDEX), index);
    }

    void print(java.io.PrintStream out) {
      out.printf("%-22s %9s %11s %9s %11s %6s %6s%n", "package", "ws svc", "ws ops", "acct svc", "acct ops", "types", "enums");
      index.packages().forEach((name, c) -> out.printf("%-22s %9d %11d %9d %11d %6d %6d%n", name,
          c.workspaceServices(), c.workspaceOperations(), c.accountServices(), c.accountOperations(), c.types(), c.enums()));
      Counts t = index.totals();
      out.printf("%-22s %9d %11d %9d %11d %6d %6d%n", "TOTAL", t.workspaceServices(), t.workspaceOperations(),
          t.accountServices(), t.accountOperations(), t.types(), t.enums());
      out.printf("services %d, operations %d, paginated %d, waiters %d, waiting operations %d, LRO operations %d%n",
          t.services(), t.operations(), t.paginated(), t.waiters(), t.waitingOperations(), t.lroOperations());
      if (!index.unparsed().isEmpty()) {
        out.println("NOT UNDERSTOOD (" + index.unparsed().size() + "):");
        for (Unparsed u : index.unparsed()) out.println("  " + u.where() + ": " + u.reason());
      }
    }
  }

  Result run(String version) {
    OperationExtractor ops = new OperationExtractor(models, problems, reached);
    for (ClassInfo c : sources.all()) {
      String pkg = c.servicePackage();
      String n = c.simpleName();
      if (pkg == null || !n.endsWith("Impl") || !c.decl().isClassOrInterfaceDeclaration()
          || c.decl().asClassOrInterfaceDeclaration().isInterface()) {
        continue;
      }
      ServiceDraft s = new ServiceDraft();
      s.name = n.substring(0, n.length() - "Impl".length());
      s.pkg = pkg;
      s.impl = c;
      s.api = sources.get(c.packageName() + "." + s.name + "API").orElse(null);
      for (MethodDeclaration m : c.decl().getMethods()) {
        if (m.getAnnotationByName("Override").isPresent()) {
          s.operations.add(ops.extract(c, m));
        } else if (m.isPublic()) {
          problems.add(c.where() + "#" + m.getNameAsString(), "public method without @Override: not an operation?");
        }
      }
      if (s.api == null) {
        problems.add(c.where(), "no matching API class");
        continue;
      }
      byApiFqn.put(s.api.fqn(), s);
    }
    new ClientExtractor(sources, problems, byApiFqn).extract();
    ApiExtractor apis = new ApiExtractor(models, problems, reached);
    for (ServiceDraft s : byApiFqn.values()) {
      apis.extract(s);
      for (OpDraft op : s.operations) {
        dropUnsentRequired(s, op);
        op.pathParams.stream()
            .filter(p -> p.source().equals("request") && !op.required.contains(p.name()))
            .forEach(p -> op.required.add(p.name()));
      }
    }
    return new Assembler(models, problems, reached).assemble(version, SCHEMA_VERSION, byApiFqn.values());
  }

  /** A convenience overload may set a field the operation never sends; that is not "required". */
  private void dropUnsentRequired(ServiceDraft s, OpDraft op) {
    Set<String> sent = new LinkedHashSet<>();
    op.pathParams.forEach(p -> sent.add(p.name()));
    op.queryParams.forEach(p -> sent.add(p.name()));
    op.headerParams.forEach(p -> sent.add(p.name()));
    if (op.body != null && op.body.fields() != null) sent.addAll(op.body.fields());
    if (op.body != null && op.body.field() != null) sent.add(op.body.field());
    for (String r : List.copyOf(op.required)) {
      if (!sent.contains(r)) {
        op.required.remove(r);
        op.notes.add("the official convenience overload sets " + r + ", which this operation does not send");
      }
    }
  }
}
