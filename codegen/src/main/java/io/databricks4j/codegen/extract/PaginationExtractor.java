package io.databricks4j.codegen.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import io.databricks4j.codegen.extract.Drafts.OpDraft;
import io.databricks4j.codegen.extract.Drafts.ServiceDraft;
import io.databricks4j.codegen.extract.Models.FieldInfo;
import io.databricks4j.codegen.extract.SourceSet.ClassInfo;
import io.databricks4j.codegen.model.ApiModel.Pagination;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code Paginator} call of an {@code *API} list method: style, fields, defaults, de-dupe key. */
final class PaginationExtractor {
  private static final List<String> LIMIT_FIELDS =
      List.of("page_size", "max_results", "limit", "count", "max_items");

  private final Models models;
  private final Problems problems;
  private final Set<String> reached;
  private final Wires wires;

  PaginationExtractor(Models models, Problems problems, Set<String> reached) {
    this.models = models;
    this.problems = problems;
    this.reached = reached;
    this.wires = new Wires(models);
  }

  void pagination(ServiceDraft s, MethodDeclaration m, MethodCallExpr call, String where) {
    List<Expression> args = call.getArguments();
    if (args.size() != 4) {
      problems.add(where, "paginator with " + args.size() + " arguments");
      return;
    }
    String opName = null;
    if (args.get(1) instanceof MethodReferenceExpr ref) {
      opName = ref.getIdentifier();
    } else if (args.get(1) instanceof LambdaExpr l) {
      opName = l.findFirst(MethodCallExpr.class, c -> Ast.isScope(c, "impl"))
          .map(MethodCallExpr::getNameAsString).orElse(null);
    }
    OpDraft op = opName == null ? null : s.op(opName);
    if (op == null) {
      problems.add(where, "paginator over unknown operation " + opName);
      return;
    }
    // items: Resp::getItems
    String itemsField = null;
    String itemType = null;
    if (args.get(2) instanceof MethodReferenceExpr ref && ref.getScope() instanceof TypeExpr te) {
      Optional<ClassInfo> resp = models.sources().resolve(te.getType().asString(), s.api);
      Optional<FieldInfo> f = resp.flatMap(r -> models.fieldOfAccessor(r, ref.getIdentifier()));
      if (f.isPresent()) {
        itemsField = f.get().wireName();
        String t = models.typeOf(f.get().javaType(), resp.get(), reached);
        itemType = t.startsWith("list<") ? t.substring(5, t.length() - 1) : t;
      }
    }
    if (itemsField == null) {
      problems.add(where, "items getter not understood: " + args.get(2));
    }
    String style = null;
    String reqToken = null;
    String respToken = null;
    String offsetField = null;
    Long firstOffset = null;
    String pageField = null;
    Long firstPage = null;
    ClassInfo reqClass = op.requestClass;
    ClassInfo respClass = op.responseClass;
    if (args.get(3) instanceof LambdaExpr next) {
      if (next.getExpressionBody().isPresent()) {
        Expression body = next.getExpressionBody().get();
        if (body instanceof NullLiteralExpr) {
          style = "single";
        } else if (body instanceof MethodCallExpr g && Ast.isOn(g, "response")) {
          style = "next_request";
          respToken = wires.wire(respClass, g.getNameAsString());
        }
      } else {
        for (var d : next.findAll(com.github.javaparser.ast.body.VariableDeclarator.class)) {
          Expression init = d.getInitializer().orElse(null);
          if (!(init instanceof MethodCallExpr g)) continue;
          if (d.getNameAsString().equals("token") && Ast.isOn(g, "response")) {
            style = "token";
            respToken = wires.wire(respClass, g.getNameAsString());
          } else if (d.getNameAsString().equals("offset") && Ast.isOn(g, "request")) {
            style = "scim";
            offsetField = wires.wire(reqClass, g.getNameAsString());
            firstOffset = Ast.assignedWhenNull(next, "offset");
          } else if (d.getNameAsString().equals("page") && Ast.isOn(g, "request")) {
            style = "page_number";
            pageField = wires.wire(reqClass, g.getNameAsString());
            firstPage = Ast.assignedWhenNull(next, "page");
          }
        }
        for (MethodCallExpr set : next.findAll(MethodCallExpr.class, c -> Ast.isOn(c, "request") && c.getNameAsString().startsWith("set"))) {
          if ("token".equals(style)) reqToken = wires.wire(reqClass, set.getNameAsString());
        }
      }
    }
    if (style == null) {
      problems.add(where, "next-page function not understood: " + args.get(3));
      style = "unknown";
    }
    String dedupe = null;
    Optional<Node> parent = call.getParentNode();
    if (parent.isPresent() && parent.get() instanceof MethodCallExpr outer
        && outer.getNameAsString().equals("withDedupe")
        && outer.getArgument(0) instanceof MethodReferenceExpr key
        && key.getScope() instanceof TypeExpr kt) {
      Optional<ClassInfo> item = models.sources().resolve(kt.getType().asString(), s.api);
      dedupe = item.flatMap(i -> models.fieldOfAccessor(i, key.getIdentifier())).map(FieldInfo::wireName).orElse(null);
      if (dedupe == null) problems.add(where, "dedupe key not understood");
    }
    // defaults the official code sets before paging, e.g. max_results = 0
    Map<String, String> defaults = new LinkedHashMap<>();
    for (IfStmt ifs : m.findAll(IfStmt.class)) {
      if (ifs.findAncestor(LambdaExpr.class).isPresent()) continue;
      for (MethodCallExpr set : ifs.getThenStmt().findAll(MethodCallExpr.class, c -> Ast.isOn(c, "request") && c.getNameAsString().startsWith("set"))) {
        defaults.put(wires.wire(reqClass, set.getNameAsString()), Ast.literalValue(set.getArgument(0)));
      }
    }
    // values the official code sets unconditionally before the first page, e.g. startIndex = 1
    for (Statement st : m.getBody().get().getStatements()) {
      if (st instanceof ExpressionStmt es && es.getExpression() instanceof MethodCallExpr set
          && Ast.isOn(set, "request") && set.getNameAsString().startsWith("set") && set.getArguments().size() == 1) {
        String field = wires.wire(reqClass, set.getNameAsString());
        Long v = Ast.longValue(set.getArgument(0));
        if (field != null && field.equals(offsetField) && v != null) {
          firstOffset = v;
        } else if (field != null && field.equals(pageField) && v != null) {
          firstPage = v;
        } else {
          problems.add(where, "request field set before paging: " + set);
        }
      }
    }
    String limit = null;
    if (reqClass != null) {
      for (String candidate : LIMIT_FIELDS) {
        if (models.fields(reqClass).stream().anyMatch(f -> f.wireName().equals(candidate))) {
          limit = candidate;
          break;
        }
      }
    }
    op.pagination =
        new Pagination(style, itemsField, itemType, reqToken, respToken, offsetField, firstOffset,
            pageField, firstPage, limit, dedupe, defaults, m.getNameAsString().equals(op.name) ? null : m.getNameAsString());
  }
}
