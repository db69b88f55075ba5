package io.databricks4j.codegen.extract;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.databricks4j.codegen.extract.Drafts.OpDraft;
import io.databricks4j.codegen.extract.Models.FieldInfo;
import io.databricks4j.codegen.extract.SourceSet.ClassInfo;
import io.databricks4j.codegen.model.ApiModel.Body;
import io.databricks4j.codegen.model.ApiModel.FlatParam;
import io.databricks4j.codegen.model.ApiModel.Param;
import io.databricks4j.codegen.model.ApiModel.PathParam;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one {@code *Impl} method (one HTTP request) into operation facts: verb, path template,
 * parameters by location, body, response, headers.
 */
final class OperationExtractor {
  private final Models models;
  private final Problems problems;
  private final Set<String> reached;
  private final DataPlaneExtractor dataPlanes;

  OperationExtractor(Models models, Problems problems, Set<String> reached) {
    this.models = models;
    this.problems = problems;
    this.reached = reached;
    this.dataPlanes = new DataPlaneExtractor(models, problems);
  }

  OpDraft extract(ClassInfo impl, MethodDeclaration m) {
    OpDraft op = new OpDraft();
    op.name = m.getNameAsString();
    String where = impl.where() + "#" + op.name;

    Type requestJavaType = null;
    if (m.getParameters().size() == 1) {
      Parameter p = m.getParameter(0);
      requestJavaType = p.getType();
      Optional<ClassInfo> rc =
          p.getType() instanceof ClassOrInterfaceType ct
                  && ct.getTypeArguments().isEmpty()
              ? models.sources().resolve(ct, impl)
              : Optional.empty();
      op.requestClass = rc.orElse(null);
      op.requestType = models.typeOf(p.getType(), impl, reached);
    } else if (m.getParameters().size() > 1) {
      problems.add(where, "more than one parameter");
    }

    boolean setsQuery = false;
    Expression pathExpr = null;
    Expression bodyExpr = null;
    boolean sawRequest = false;
    for (var d : m.findAll(com.github.javaparser.ast.body.VariableDeclarator.class)) {
      if (d.getNameAsString().equals("path") && d.getInitializer().isPresent()) {
        pathExpr = d.getInitializer().get();
      }
    }
    for (ObjectCreationExpr oc : m.findAll(ObjectCreationExpr.class)) {
      if (oc.getType().getNameAsString().equals("Request") && oc.getArguments().size() >= 2) {
        sawRequest = true;
        if (oc.getArgument(0) instanceof StringLiteralExpr verb) {
          op.verb = verb.asString();
        } else {
          problems.add(where, "verb is not a literal: " + oc.getArgument(0));
        }
        if (oc.getArguments().size() == 3) {
          bodyExpr = oc.getArgument(2);
        }
      }
    }
    if (!sawRequest) {
      problems.add(where, "no new Request(...) found");
    }
    for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
      String name = call.getNameAsString();
      if (name.equals("withHeader") && call.getArguments().size() == 2) {
        String header = literal(call.getArgument(0));
        String value = literal(call.getArgument(1));
        if ("X-Databricks-Workspace-Id".equals(header)) {
          op.workspaceIdHeader = true;
        } else if ("Accept".equals(header)) {
          op.accept = value;
        } else if ("Content-Type".equals(header)) {
          op.contentType = value;
        } else {
          problems.add(where, "unexpected header " + header);
        }
      } else if (name.equals("setQuery") && Ast.isScope(call, "ApiClient")) {
        setsQuery = true;
      } else if (Ast.isScope(call, "apiClient")
          && (name.equals("execute") || name.equals("getCollection") || name.equals("getStringMap"))) {
        response(op, call, m, impl, where);
      } else if (name.startsWith("set")
          && call.getArguments().size() == 1
          && call.getArgument(0).toString().startsWith("UUID.randomUUID()")
          && op.requestClass != null) {
        models
            .fieldOfAccessor(op.requestClass, name)
            .ifPresent(f -> op.idempotencyToken = f.wireName());
      } else if (call.getScope().isEmpty()) {
        dataPlanes.extract(op, call, impl, where);
      }
    }

    if (pathExpr == null) {
      problems.add(where, "no path");
    } else {
      op.path = template(pathExpr, op, where);
    }
    if (op.path == null && op.dataPlane == null) {
      problems.add(where, "path template not understood: " + pathExpr);
    }

    body(op, bodyExpr, where);
    params(op, setsQuery, where);
    return op;
  }

  private void response(OpDraft op, MethodCallExpr call, MethodDeclaration m, ClassInfo impl, String where) {
    String name = call.getNameAsString();
    if (name.equals("getStringMap")) {
      op.responseType = models.typeOf(m.getType(), impl, reached);
      op.responseKind = "json";
      return;
    }
    if (call.getArguments().size() < 2 || !(call.getArgument(1) instanceof ClassExpr ce)) {
      problems.add(where, "response type not a class literal: " + call);
      return;
    }
    Type t = ce.getType();
    if (t.asString().equals("Void")) {
      op.responseType = "void";
      op.responseKind = "void";
      return;
    }
    if (name.equals("getCollection")) {
      op.responseType = models.typeOf(m.getType(), impl, reached);
      op.responseKind = "json";
      return;
    }
    op.responseType = models.typeOf(t, impl, reached);
    op.responseClass = models.sources().resolve(t.asString(), impl).orElse(null);
    op.responseKind = "json";
    if (op.responseClass != null && op.responseClass.decl().isClassOrInterfaceDeclaration()) {
      boolean stream = false;
      boolean body = false;
      for (FieldInfo f : models.fields(op.responseClass)) {
        if (f.header() != null) {
          op.responseHeaders.add(
              new Param(f.header(), f.name(), models.typeOf(f.javaType(), op.responseClass, reached), null));
        } else if (f.javaType().asString().equals("InputStream")) {
          stream = true;
        } else if (f.jsonProperty() != null) {
          body = true;
        }
      }
      if (stream) {
        op.responseKind = "stream";
      } else if (!body && !op.responseHeaders.isEmpty()) {
        op.responseKind = "headers";
      }
    }
  }

  private void body(OpDraft op, Expression bodyExpr, String where) {
    if (bodyExpr == null) {
      return;
    }
    if (bodyExpr instanceof MethodCallExpr call
        && call.getNameAsString().equals("serialize")
        && call.getArguments().size() == 1) {
      Expression arg = call.getArgument(0);
      if (arg instanceof NameExpr n && n.getNameAsString().equals("request")) {
        if (op.requestClass == null) {
          op.body = new Body("map", op.requestType, null, null);
        } else {
          List<String> fields = new ArrayList<>();
          for (FieldInfo f : models.fields(op.requestClass)) {
            if (isBody(f)) {
              fields.add(f.wireName());
            }
          }
          op.body = new Body("json", op.requestType, null, fields);
        }
        return;
      }
      Optional<FieldInfo> f = Ast.requestField(models, op, arg);
      if (f.isPresent()) {
        op.body =
            new Body("field", models.typeOf(f.get().javaType(), op.requestClass, reached), f.get().wireName(), null);
        return;
      }
    } else {
      Optional<FieldInfo> f = Ast.requestField(models, op, bodyExpr);
      if (f.isPresent() && f.get().javaType().asString().equals("InputStream")) {
        op.body = new Body("stream", "stream", f.get().wireName(), null);
        return;
      }
    }
    problems.add(where, "body not understood: " + bodyExpr);
  }

  static boolean isBody(FieldInfo f) {
    return f.jsonProperty() != null && !f.jsonIgnore() && f.queryParam() == null && f.header() == null;
  }

  private void params(OpDraft op, boolean setsQuery, String where) {
    if (op.requestClass == null || !op.requestClass.decl().isClassOrInterfaceDeclaration()) {
      return;
    }
    for (FieldInfo f : models.fields(op.requestClass)) {
      String type = models.typeOf(f.javaType(), op.requestClass, reached);
      if (f.queryParam() != null) {
        op.queryParams.add(new Param(f.queryParam(), f.name(), type, flatten(f, op.requestClass)));
      }
      if (f.header() != null) {
        op.headerParams.add(new Param(f.header(), f.name(), type, null));
      }
    }
    if (!setsQuery && !op.queryParams.isEmpty()) {
      op.notes.add("the official SDK does not send the query parameters of this operation");
    }
  }

  /** Leaf keys of an object-valued query parameter, dotted as the official SDK flattens them. */
  private List<FlatParam> flatten(FieldInfo f, ClassInfo owner) {
    List<FlatParam> out = new ArrayList<>();
    flattenInto(f.javaType(), owner, f.queryParam(), out, new HashSet<>());
    if (out.size() == 1 && out.get(0).name().equals(f.queryParam())) {
      return null;
    }
    return out;
  }

  private void flattenInto(Type t, ClassInfo owner, String prefix, List<FlatParam> out, Set<String> seen) {
    String type = models.typeOf(t, owner, new HashSet<>());
    Optional<ClassInfo> c =
        t instanceof ClassOrInterfaceType ct && ct.getTypeArguments().isEmpty()
            ? models.sources().resolve(ct, owner)
            : Optional.empty();
    if (c.isEmpty()
        || c.get().servicePackage() == null
        || !c.get().decl().isClassOrInterfaceDeclaration()
        || !seen.add(c.get().fqn())) {
      out.add(new FlatParam(prefix, type));
      return;
    }
    for (FieldInfo inner : models.fields(c.get())) {
      flattenInto(inner.javaType(), c.get(), prefix + "." + inner.wireName(), out, seen);
    }
    seen.remove(c.get().fqn());
  }

  private String template(Expression e, OpDraft op, String where) {
    if (e instanceof StringLiteralExpr s) {
      return s.asString();
    }
    if (e instanceof EnclosedExpr en) {
      return template(en.getInner(), op, where);
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      String l = template(b.getLeft(), op, where);
      String r = template(b.getRight(), op, where);
      return l == null || r == null ? null : l + r;
    }
    if (e instanceof MethodCallExpr call
        && call.getNameAsString().equals("format")
        && Ast.isScope(call, "String")
        && call.getArgument(0) instanceof StringLiteralExpr fmt) {
      String[] parts = fmt.asString().split("%s", -1);
      if (parts.length != call.getArguments().size()) {
        problems.add(where, "format arguments do not match: " + call);
        return null;
      }
      StringBuilder b = new StringBuilder(parts[0]);
      for (int i = 1; i < parts.length; i++) {
        String p = pathParam(call.getArgument(i), op, false, where);
        if (p == null) return null;
        b.append('{').append(p).append('}').append(parts[i]);
      }
      return b.toString();
    }
    // dataplane: the URL comes from another response
    if (op.dataPlane != null) {
      return null;
    }
    String p = pathParam(e, op, false, where);
    return p == null ? null : "{" + p + "}";
  }

  private String pathParam(Expression e, OpDraft op, boolean multi, String where) {
    if (e instanceof MethodCallExpr call) {
      if (call.getNameAsString().equals("configuredAccountID")) {
        addPathParam(op, new PathParam("account_id", null, "string", "config", false));
        return "account_id";
      }
      if (call.getNameAsString().equals("encodeMultiSegmentPathParameter")) {
        return pathParam(call.getArgument(0), op, true, where);
      }
      if (call.getNameAsString().equals("valueOf") && call.getArguments().size() == 1) {
        return pathParam(call.getArgument(0), op, multi, where);
      }
      Optional<FieldInfo> f = Ast.requestField(models, op, call);
      if (f.isPresent()) {
        String wire = f.get().jsonProperty() != null ? f.get().jsonProperty() : Names.snake(f.get().name());
        addPathParam(
            op,
            new PathParam(
                wire, f.get().name(), models.typeOf(f.get().javaType(), op.requestClass, reached), "request", multi));
        return wire;
      }
    }
    problems.add(where, "path argument not understood: " + e);
    return null;
  }

  private static void addPathParam(OpDraft op, PathParam p) {
    if (op.pathParams.stream().noneMatch(x -> x.name().equals(p.name()))) {
      op.pathParams.add(p);
    }
  }

  private static String literal(Expression e) {
    return e instanceof StringLiteralExpr s ? s.asString() : null;
  }
}
