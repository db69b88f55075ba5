package io.databricks4j.codegen.extract;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.databricks4j.codegen.extract.Drafts.ServiceDraft;
import io.databricks4j.codegen.extract.SourceSet.ClassInfo;
import io.databricks4j.codegen.model.ApiModel.SubService;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where each service hangs: accessors of {@code WorkspaceClient} and {@code AccountClient}
 * give the level, accessors on {@code *API} classes returning other {@code *API} classes give
 * sub-services, and {@code extends} between {@code *API} classes gives inherited services.
 */
final class ClientExtractor {
  private final SourceSet sources;
  private final Problems problems;
  private final Map<String, ServiceDraft> byApiFqn;

  ClientExtractor(SourceSet sources, Problems problems, Map<String, ServiceDraft> byApiFqn) {
    this.sources = sources;
    this.problems = problems;
    this.byApiFqn = byApiFqn;
  }

  void extract() {
    client("com.databricks.sdk.WorkspaceClient", "workspace");
    client("com.databricks.sdk.AccountClient", "account");
    for (ServiceDraft s : byApiFqn.values()) {
      for (MethodDeclaration m : s.api.decl().getMethods()) {
        if (!m.isPublic() || !m.getParameters().isEmpty()) continue;
        Optional<ServiceDraft> child = serviceOf(m, s.api);
        if (child.isEmpty()) continue;
        ServiceDraft c = child.get();
        c.parent = s.key();
        c.officialAccessor = m.getNameAsString();
        c.accessor = Names.lowerFirst(m.getNameAsString());
        s.subServices.add(new SubService(c.accessor, c.officialAccessor, c.key()));
      }
    }
    // levels of sub-services follow their parents (settings -> defaultNamespace)
    for (int round = 0; round < 4; round++) {
      for (ServiceDraft s : byApiFqn.values()) {
        if (s.level == null && s.parent != null) {
          byApiFqn.values().stream().filter(p -> p.key().equals(s.parent)).findFirst()
              .ifPresent(p -> s.level = p.level);
        }
      }
    }
    // an *API class extending another folds the other's operations into itself
    for (ServiceDraft s : byApiFqn.values()) {
      if (!(s.api.decl() instanceof ClassOrInterfaceDeclaration cd)) continue;
      for (ClassOrInterfaceType ext : cd.getExtendedTypes()) {
        sources.resolve(ext, s.api).map(c -> byApiFqn.get(c.fqn())).ifPresent(base -> {
          base.inheritedBy = s.key();
          if (base.level == null) base.level = s.level;
        });
      }
    }
    for (ServiceDraft s : byApiFqn.values()) {
      if (s.level == null) {
        problems.add(s.api.where(), "no client exposes this service");
      }
    }
  }

  private void client(String fqn, String level) {
    Optional<ClassInfo> client = sources.get(fqn);
    if (client.isEmpty()) {
      problems.add(fqn, "client class missing");
      return;
    }
    for (MethodDeclaration m : client.get().decl().getMethods()) {
      if (!m.isPublic() || !m.getParameters().isEmpty() || m.isStatic()) continue;
      Optional<ServiceDraft> s = serviceOf(m, client.get());
      if (s.isEmpty()) continue;
      ServiceDraft d = s.get();
      if (d.level != null && !d.level.equals(level)) {
        problems.add(d.api.where(), "exposed by both clients");
      }
      d.level = level;
      d.officialAccessor = m.getNameAsString();
      d.accessor = Names.lowerFirst(m.getNameAsString());
      ClassInfo returned = sources.resolve(m.getType().asString(), client.get()).orElse(null);
      if (returned != null && !returned.simpleName().endsWith("API")) {
        d.officialMixin = returned.simpleName();
      }
    }
  }

  /** The service an accessor returns, looking through a mixin to the {@code *API} it extends. */
  private Optional<ServiceDraft> serviceOf(MethodDeclaration m, ClassInfo context) {
    if (!(m.getType() instanceof ClassOrInterfaceType t)) return Optional.empty();
    Optional<ClassInfo> c = sources.resolve(t, context);
    for (int depth = 0; c.isPresent() && depth < 3; depth++) {
      ServiceDraft s = byApiFqn.get(c.get().fqn());
      if (s != null) return Optional.of(s);
      if (!(c.get().decl() instanceof ClassOrInterfaceDeclaration cd) || cd.getExtendedTypes().isEmpty()) {
        return Optional.empty();
      }
      ClassInfo from = c.get();
      c = sources.resolve(cd.getExtendedTypes(0), from);
    }
    return Optional.empty();
  }
}
