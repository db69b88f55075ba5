package io.databricks4j.codegen.extract;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The parsed Java sources of the official SDK, indexed by fully-qualified class name. */
final class SourceSet {
  static final String ROOT = "com.databricks.sdk";
  static final String SERVICE_ROOT = ROOT + ".service.";

  /** One top-level class of the sources jar. */
  record ClassInfo(String fqn, String packageName, TypeDeclaration<?> decl, CompilationUnit cu) {
    String simpleName() {
      return decl.getNameAsString();
    }

    /** {@code compute} for {@code com.databricks.sdk.service.compute.X}, else null. */
    String servicePackage() {
      return packageName.startsWith(SERVICE_ROOT) ? packageName.substring(SERVICE_ROOT.length()) : null;
    }

    String where() {
      return fqn.substring(ROOT.length() + 1);
    }
  }

  private final Map<String, ClassInfo> classes = new TreeMap<>();
  private final List<String> parseProblems = new ArrayList<>();

  static SourceSet load(Path sourcesJar) {
    SourceSet set = new SourceSet();
    JavaParser parser =
        new JavaParser(
            new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setAttributeComments(false));
    try (ZipFile zip = new ZipFile(sourcesJar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        String name = e.getName();
        if (e.isDirectory() || !name.endsWith(".java") || !name.startsWith("com/databricks/sdk/")) {
          continue;
        }
        if (!name.startsWith("com/databricks/sdk/service/")
            && !name.startsWith("com/databricks/sdk/mixin/")
            && !name.equals("com/databricks/sdk/WorkspaceClient.java")
            && !name.equals("com/databricks/sdk/AccountClient.java")) {
          continue;
        }
        String text;
        try (InputStream in = zip.getInputStream(e)) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseResult<CompilationUnit> result = parser.parse(text);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
          set.parseProblems.add(name + ": " + result.getProblems());
          continue;
        }
        CompilationUnit cu = result.getResult().get();
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (TypeDeclaration<?> type : cu.getTypes()) {
          String fqn = pkg + "." + type.getNameAsString();
          set.classes.put(fqn, new ClassInfo(fqn, pkg, type, cu));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sourcesJar, e);
    }
    return set;
  }

  Collection<ClassInfo> all() {
    return classes.values();
  }

  List<String> parseProblems() {
    return parseProblems;
  }

  Optional<ClassInfo> get(String fqn) {
    return Optional.ofNullable(classes.get(fqn));
  }

  /** Resolves a simple or qualified class name as seen from {@code context}. */
  Optional<ClassInfo> resolve(String name, ClassInfo context) {
    if (name.contains(".")) {
      return get(name);
    }
    for (ImportDeclaration imp : context.cu().getImports()) {
      if (!imp.isAsterisk() && !imp.isStatic() && imp.getName().getIdentifier().equals(name)) {
        return get(imp.getNameAsString());
      }
    }
    Optional<ClassInfo> samePackage = get(context.packageName() + "." + name);
    if (samePackage.isPresent()) {
      return samePackage;
    }
    for (ImportDeclaration imp : context.cu().getImports()) {
      if (imp.isAsterisk() && !imp.isStatic()) {
        Optional<ClassInfo> c = get(imp.getNameAsString() + "." + name);
        if (c.isPresent()) {
          return c;
        }
      }
    }
    return Optional.empty();
  }

  Optional<ClassInfo> resolve(ClassOrInterfaceType type, ClassInfo context) {
    return resolve(type.getNameWithScope(), context);
  }

  /** The fully-qualified name an import gives {@code simpleName}, if any (also non-SDK names). */
  Optional<String> importedName(String simpleName, ClassInfo context) {
    for (ImportDeclaration imp : context.cu().getImports()) {
      if (!imp.isAsterisk() && !imp.isStatic() && imp.getName().getIdentifier().equals(simpleName)) {
        return Optional.of(imp.getNameAsString());
      }
    }
    return Optional.empty();
  }
}
