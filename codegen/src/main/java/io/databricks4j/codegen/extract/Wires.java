package io.databricks4j.codegen.extract;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.databricks4j.codegen.extract.Models.FieldInfo;
import io.databricks4j.codegen.extract.SourceSet.ClassInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Wire names of fields reached through getters of the official model classes. */
final class Wires {
  private final Models models;

  Wires(Models models) {
    this.models = models;
  }

  String wire(ClassInfo c, String accessor) {
    if (c == null) return null;
    return models.fieldOfAccessor(c, accessor).map(FieldInfo::wireName).orElse(null);
  }

  /** {@code a.getB().getC()} evaluated from class {@code start} -> {@code b.c}. */
  String wirePath(ClassInfo start, Expression e, String root, List<ClassInfo> endClass) {
    List<String> getters = new ArrayList<>();
    while (e instanceof MethodCallExpr c && c.getArguments().isEmpty() && c.getScope().isPresent()) {
      getters.add(0, c.getNameAsString());
      e = c.getScope().get();
    }
    if (!(e instanceof NameExpr n) || !n.getNameAsString().equals(root) || getters.isEmpty()) return null;
    List<String> path = new ArrayList<>();
    ClassInfo cur = start;
    FieldInfo last = null;
    for (String g : getters) {
      if (cur == null) return null;
      Optional<FieldInfo> f = models.fieldOfAccessor(cur, g);
      if (f.isEmpty()) return null;
      path.add(f.get().wireName());
      last = f.get();
      ClassInfo owner = cur;
      cur = f.get().javaType() instanceof ClassOrInterfaceType ct
          ? models.sources().resolve(ct, owner).orElse(null) : null;
    }
    if (endClass != null) endClass.add(cur);
    return last == null ? null : String.join(".", path);
  }
}
