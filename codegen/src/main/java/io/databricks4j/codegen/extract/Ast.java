package io.databricks4j.codegen.extract;

import io.databricks4j.codegen.extract.Drafts.OpDraft;
import io.databricks4j.codegen.extract.Models.FieldInfo;
import java.util.Optional;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JavaParser helpers for the shapes the official sources use. */
final class Ast {
  private Ast() {}

  static boolean isScope(MethodCallExpr call, String name) {
    return call.getScope().filter(s -> s instanceof NameExpr n && n.getNameAsString().equals(name)).isPresent();
  }

  static Expression statementExpression(Statement st) {
    if (st instanceof ReturnStmt r) return r.getExpression().orElse(null);
    if (st instanceof ExpressionStmt e) return e.getExpression();
    return null;
  }

  /** {@code new X().setA(a).setB(b)} -> the {@code new X()}; else null. */
  static ObjectCreationExpr rootCreation(Expression e) {
    while (e instanceof MethodCallExpr c && c.getNameAsString().startsWith("set") && c.getScope().isPresent()) {
      e = c.getScope().get();
    }
    return e instanceof ObjectCreationExpr oc ? oc : null;
  }

  /** Setter calls of a builder-ish chain in call order: (setter name, argument). */
  static List<Map.Entry<String, Expression>> setters(Expression e) {
    List<Map.Entry<String, Expression>> out = new ArrayList<>();
    while (e instanceof MethodCallExpr c && c.getNameAsString().startsWith("set") && c.getScope().isPresent()) {
      out.add(0, Map.entry(c.getNameAsString(), c.getArgument(0)));
      e = c.getScope().get();
    }
    return out;
  }

  static Long assignedWhenNull(Node scope, String var) {
    for (AssignExpr a : scope.findAll(AssignExpr.class)) {
      if (a.getOperator() == AssignExpr.Operator.ASSIGN && a.getTarget().toString().equals(var)) {
        Long v = longValue(a.getValue());
        if (v != null) return v;
      }
    }
    return null;
  }

  static Long longValue(Expression e) {
    if (e instanceof LongLiteralExpr l) return l.asNumber().longValue();
    if (e instanceof IntegerLiteralExpr i) return i.asNumber().longValue();
    return null;
  }

  static String literalValue(Expression e) {
    Long l = longValue(e);
    if (l != null) return l.toString();
    if (e.isStringLiteralExpr()) return e.asStringLiteralExpr().asString();
    return e.toString();
  }

  static boolean isOn(MethodCallExpr c, String var) {
    return c.getScope().filter(s -> s instanceof NameExpr n && n.getNameAsString().equals(var)).isPresent();
  }

  /** {@code request.getX()} -> the field X of the request class. */
  static Optional<FieldInfo> requestField(Models models, OpDraft op, Expression e) {
    if (op.requestClass != null
        && e instanceof MethodCallExpr call
        && call.getArguments().isEmpty()
        && call.getScope().filter(s -> s.toString().equals("request")).isPresent()) {
      return models.fieldOfAccessor(op.requestClass, call.getNameAsString());
    }
    return Optional.empty();
  }
}
