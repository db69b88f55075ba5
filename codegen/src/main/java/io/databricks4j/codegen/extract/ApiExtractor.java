package io.databricks4j.codegen.extract;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.Statement;
import io.databricks4j.codegen.extract.Drafts.OpDraft;
import io.databricks4j.codegen.extract.Drafts.ServiceDraft;
import io.databricks4j.codegen.extract.Models.FieldInfo;
import io.databricks4j.codegen.extract.SourceSet.ClassInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an official {@code *API} class for the facts that live there: which fields the
 * convenience overloads take (the required ones), pagination, waiters and the operations that
 * start them, and long-running operation wrappers.
 */
final class ApiExtractor {
  private final Models models;
  private final Problems problems;
  private final PaginationExtractor pages;
  private final WaitExtractor waits;

  ApiExtractor(Models models, Problems problems, Set<String> reached) {
    this.models = models;
    this.problems = problems;
    this.pages = new PaginationExtractor(models, problems, reached);
    this.waits = new WaitExtractor(models, problems, reached);
  }

  void extract(ServiceDraft s) {
    ClassInfo api = s.api;
    // waiters first: wait starts refer to them
    for (MethodDeclaration m : api.decl().getMethods()) {
      if (m.getNameAsString().startsWith("wait") && hasDurationParam(m)) {
        waits.waiter(s, m);
      }
    }
    for (MethodDeclaration m : api.decl().getMethods()) {
      if (!m.isPublic() || isWaiterName(s, m.getNameAsString())) continue;
      String where = api.where() + "#" + m.getNameAsString();
      if (isConvenienceOverload(m)) {
        overload(s, m, where);
        continue;
      }
      m.findFirst(MethodCallExpr.class, c -> Ast.isScope(c, "Paginator"))
          .ifPresent(c -> pages.pagination(s, m, c, where));
      if (m.getType().asString().startsWith("Wait<")) {
        waits.waitStart(s, m, where);
      }
      m.findFirst(ObjectCreationExpr.class, oc -> oc.getType().getNameAsString().endsWith("Operation")
              && oc.getArguments().size() == 2)
          .ifPresent(oc -> waits.lro(s, m, oc, where));
    }
  }

  static boolean isWaiterName(ServiceDraft s, String name) {
    return s.waiters.stream().anyMatch(w -> w.name().equals(name));
  }

  private static boolean hasDurationParam(MethodDeclaration m) {
    return m.getParameters().stream().anyMatch(p -> p.getType().asString().equals("Duration"));
  }

  private static boolean isConvenienceOverload(MethodDeclaration m) {
    if (m.getParameters().isEmpty() || m.getBody().isEmpty()) return false;
    if (m.getParameters().stream().anyMatch(p -> p.getNameAsString().equals("request"))) return false;
    List<Statement> stmts = m.getBody().get().getStatements();
    if (stmts.size() != 1) return false;
    Expression e = Ast.statementExpression(stmts.get(0));
    return e instanceof MethodCallExpr call
        && call.getScope().isEmpty()
        && call.getArguments().size() == 1
        && Ast.rootCreation(call.getArgument(0)) != null;
  }

  private void overload(ServiceDraft s, MethodDeclaration m, String where) {
    MethodCallExpr call = (MethodCallExpr) Ast.statementExpression(m.getBody().get().getStatement(0));
    OpDraft op = s.op(call.getNameAsString());
    ObjectCreationExpr oc = Ast.rootCreation(call.getArgument(0));
    Optional<ClassInfo> req = models.sources().resolve(oc.getType(), s.api);
    if (op == null || req.isEmpty()) {
      problems.add(where, "convenience overload of unknown operation " + call.getNameAsString());
      return;
    }
    List<String> required = new ArrayList<>();
    for (Map.Entry<String, Expression> set : Ast.setters(call.getArgument(0))) {
      Optional<FieldInfo> f = models.fieldOfAccessor(req.get(), set.getKey());
      if (f.isEmpty()) {
        problems.add(where, "setter " + set.getKey() + " has no field");
        continue;
      }
      required.add(f.get().wireName());
    }
    if (op.required.isEmpty()) {
      op.required.addAll(required);
    } else if (!op.required.equals(required)) {
      problems.add(where, "two convenience overloads disagree: " + op.required + " vs " + required);
    }
  }
}
