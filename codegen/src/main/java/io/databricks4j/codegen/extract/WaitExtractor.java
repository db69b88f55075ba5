package io.databricks4j.codegen.extract;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.databricks4j.codegen.extract.Drafts.OpDraft;
import io.databricks4j.codegen.extract.Drafts.ServiceDraft;
import io.databricks4j.codegen.extract.SourceSet.ClassInfo;
import io.databricks4j.codegen.model.ApiModel.Lro;
import io.databricks4j.codegen.model.ApiModel.WaitArg;
import io.databricks4j.codegen.model.ApiModel.WaitStart;
import io.databricks4j.codegen.model.ApiModel.Waiter;
import io.databricks4j.codegen.model.ApiModel.WaiterParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads waiters, the operations that start them, and long-running operation wrappers. */
final class WaitExtractor {
  private final Models models;
  private final Problems problems;
  private final Set<String> reached;
  private final Wires wires;

  WaitExtractor(Models models, Problems problems, Set<String> reached) {
    this.models = models;
    this.problems = problems;
    this.reached = reached;
    this.wires = new Wires(models);
  }

  void waiter(ServiceDraft s, MethodDeclaration m) {
    String where = s.api.where() + "#" + m.getNameAsString();
    List<String> target = new ArrayList<>();
    List<String> failure = new ArrayList<>();
    String pollOp = null;
    String pollRequest = null;
    List<WaiterParam> params = new ArrayList<>();
    String statusPath = null;
    String statusType = null;
    String messagePath = null;
    Optional<ClassInfo> result = models.sources().resolve(m.getType().asString(), s.api);
    for (var d : m.findAll(com.github.javaparser.ast.body.VariableDeclarator.class)) {
      String name = d.getNameAsString();
      Expression init = d.getInitializer().orElse(null);
      if ((name.equals("targetStates") || name.equals("failureStates")) && init instanceof MethodCallExpr list) {
        List<String> into = name.equals("targetStates") ? target : failure;
        for (Expression a : list.getArguments()) {
          if (a instanceof FieldAccessExpr fa) {
            into.add(enumWire(fa, s.api));
          }
        }
      } else if (name.equals("poll") && init instanceof MethodCallExpr call && call.getArguments().size() == 1) {
        pollOp = call.getNameAsString();
        ObjectCreationExpr oc = Ast.rootCreation(call.getArgument(0));
        Optional<ClassInfo> req = oc == null ? Optional.empty() : models.sources().resolve(oc.getType(), s.api);
        if (req.isPresent()) {
          pollRequest = Names.ref(req.get());
          for (Map.Entry<String, Expression> set : Ast.setters(call.getArgument(0))) {
            String param = set.getValue().toString();
            Optional<Parameter> p = m.getParameters().stream().filter(x -> x.getNameAsString().equals(param)).findFirst();
            params.add(new WaiterParam(param,
                p.map(x -> models.typeOf(x.getType(), s.api, reached)).orElse("any"),
                wires.wire(req.get(), set.getKey())));
          }
        }
      } else if (name.equals("status") && init != null && result.isPresent()) {
        List<ClassInfo> end = new ArrayList<>();
        statusPath = wires.wirePath(result.get(), init, "poll", end);
        statusType = d.getType() instanceof ClassOrInterfaceType ct
            ? models.typeOf(ct, s.api, reached) : null;
      }
    }
    for (AssignExpr a : m.findAll(AssignExpr.class)) {
      if (a.getTarget().toString().equals("statusMessage") && result.isPresent()) {
        String p = wires.wirePath(result.get(), a.getValue(), "poll", null);
        if (p != null) messagePath = p;
      }
    }
    if (pollOp == null || statusPath == null || target.isEmpty() || s.op(pollOp) == null) {
      problems.add(where, "waiter not understood");
    }
    // the short overload carries the default timeout
    String timeout = null;
    for (MethodDeclaration shortForm : s.api.decl().getMethodsByName(m.getNameAsString())) {
      if (shortForm == m) continue;
      for (MethodCallExpr c : shortForm.findAll(MethodCallExpr.class, c -> Ast.isScope(c, "Duration"))) {
        Long n = c.getArguments().size() == 1 ? Ast.longValue(c.getArgument(0)) : null;
        if (n == null) continue;
        Duration d = switch (c.getNameAsString()) {
          case "ofMinutes" -> Duration.ofMinutes(n);
          case "ofSeconds" -> Duration.ofSeconds(n);
          case "ofHours" -> Duration.ofHours(n);
          default -> null;
        };
        if (d != null) timeout = d.toString();
      }
    }
    if (timeout == null) problems.add(where, "no default timeout");
    s.waiters.add(new Waiter(m.getNameAsString(), pollOp, pollRequest,
        result.map(Names::ref).orElse(null), params, statusPath, statusType, target, failure,
        messagePath, timeout));
  }

  private String enumWire(FieldAccessExpr fa, ClassInfo ctx) {
    Optional<ClassInfo> e = models.sources().resolve(fa.getScope().toString(), ctx);
    String constant = fa.getNameAsString();
    if (e.isPresent() && e.get().decl().isEnumDeclaration()) {
      for (String[] v : Models.enumValues(e.get())) {
        if (v[0].equals(constant)) return v[1];
      }
    }
    return constant;
  }

  void waitStart(ServiceDraft s, MethodDeclaration m, String where) {
    Optional<MethodCallExpr> implCall = m.findFirst(MethodCallExpr.class, c -> Ast.isScope(c, "impl"));
    OpDraft op = implCall.map(c -> s.op(c.getNameAsString())).orElse(null);
    Optional<MethodCallExpr> waitCall =
        m.findFirst(MethodCallExpr.class, c -> c.getScope().isEmpty() && ApiExtractor.isWaiterName(s, c.getNameAsString()));
    if (op == null || waitCall.isEmpty()) {
      problems.add(where, "wait start not understood");
      return;
    }
    String waiterName = waitCall.get().getNameAsString();
    Waiter waiter = s.waiters.stream().filter(w -> w.name().equals(waiterName)).findFirst().orElse(null);
    List<WaitArg> args = new ArrayList<>();
    List<Expression> a = waitCall.get().getArguments();
    for (int i = 0; i < a.size() - 2; i++) {
      String param = waiter != null && i < waiter.params().size() ? waiter.params().get(i).name() : "arg" + i;
      String from = null;
      String path = null;
      if (op.responseClass != null) {
        path = wires.wirePath(op.responseClass, a.get(i), "response", null);
        if (path != null) from = "response";
      }
      if (path == null && op.requestClass != null) {
        path = wires.wirePath(op.requestClass, a.get(i), "request", null);
        if (path != null) from = "request";
      }
      if (path == null) problems.add(where, "wait argument not understood: " + a.get(i));
      args.add(new WaitArg(param, from, path));
    }
    boolean returnsResponse = m.findFirst(ObjectCreationExpr.class, oc -> oc.getType().getNameAsString().equals("Wait"))
        .map(oc -> oc.getArguments().size() == 2).orElse(false);
    op.wait = new WaitStart(waiterName, args, returnsResponse);
  }

  void lro(ServiceDraft s, MethodDeclaration m, ObjectCreationExpr oc, String where) {
    Optional<MethodCallExpr> implCall = m.findFirst(MethodCallExpr.class, c -> Ast.isScope(c, "impl"));
    OpDraft op = implCall.map(c -> s.op(c.getNameAsString())).orElse(null);
    Optional<ClassInfo> wrapper = models.sources().resolve(oc.getType(), s.api);
    if (op == null || wrapper.isEmpty()) {
      problems.add(where, "long-running operation not understood");
      return;
    }
    ClassInfo w = wrapper.get();
    String result = null;
    String metadata = null;
    for (MethodDeclaration wm : w.decl().getMethods()) {
      String kind = wm.getNameAsString().equals("waitForCompletion") && wm.getParameters().size() == 1 ? "result"
          : wm.getNameAsString().equals("getMetadata") ? "metadata" : null;
      if (kind == null) continue;
      for (MethodCallExpr c : wm.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("treeToValue"))) {
        if (c.getArguments().size() == 2 && c.getArgument(1) instanceof ClassExpr ce) {
          String t = models.typeOf(ce.getType(), w, reached);
          if (kind.equals("result")) result = t; else metadata = t;
        }
      }
    }
    String pollOp = null;
    String pollReq = null;
    String pollField = null;
    String nameField = null;
    for (MethodCallExpr c : w.decl().findAll(MethodCallExpr.class, c -> Ast.isScope(c, "impl"))) {
      pollOp = c.getNameAsString();
      ObjectCreationExpr req = c.getArguments().isEmpty() ? null : Ast.rootCreation(c.getArgument(0));
      if (req != null) {
        Optional<ClassInfo> rc = models.sources().resolve(req.getType(), w);
        pollReq = rc.map(Names::ref).orElse(null);
        for (Map.Entry<String, Expression> set : Ast.setters(c.getArgument(0))) {
          pollField = rc.map(r -> wires.wire(r, set.getKey())).orElse(null);
          if (set.getValue() instanceof MethodCallExpr g) {
            nameField = op.responseClass == null ? null : wires.wire(op.responseClass, g.getNameAsString());
          }
        }
      }
    }
    if (pollOp == null || result == null || s.op(pollOp) == null) {
      problems.add(where, "long-running operation wrapper not understood");
    }
    op.lro = new Lro(w.simpleName(), op.responseType, "void".equals(result) ? null : result, metadata,
        pollOp, pollReq, pollField, nameField);
  }
}
