package io.databricks4j.codegen.extract;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.databricks4j.codegen.extract.Drafts.OpDraft;
import io.databricks4j.codegen.extract.Models.FieldInfo;
import io.databricks4j.codegen.extract.SourceSet.ClassInfo;
import io.databricks4j.codegen.model.ApiModel.DataPlane;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data-plane operations call a private helper that fetches routing info from another operation;
 * records where the URL comes from.
 */
final class DataPlaneExtractor {
  private final Models models;
  private final Problems problems;

  DataPlaneExtractor(Models models, Problems problems) {
    this.models = models;
    this.problems = problems;
  }

  /** Called for every unscoped call of an Impl method; only a private helper is of interest. */
  void extract(OpDraft op, MethodCallExpr call, ClassInfo impl, String where) {
    Optional<MethodDeclaration> helper =
        impl.decl().getMethodsByName(call.getNameAsString()).stream()
            .filter(MethodDeclaration::isPrivate)
            .findFirst();
    if (helper.isEmpty()) {
      return;
    }
    MethodDeclaration h = helper.get();
    Map<String, String> infoRequest = new LinkedHashMap<>();
    String infoOperation = null;
    ClassInfo infoResponse = null;
    List<String> getters = new ArrayList<>();
    for (ObjectCreationExpr oc : h.findAll(ObjectCreationExpr.class)) {
      Optional<ClassInfo> reqClass = models.sources().resolve(oc.getType(), impl);
      if (reqClass.isEmpty() || reqClass.get().servicePackage() == null) continue;
      // new GetXRequest().setA(request.getB())
      for (MethodCallExpr set : h.findAll(MethodCallExpr.class)) {
        if (set.getNameAsString().startsWith("set")
            && set.getScope().filter(s -> s == oc).isPresent()
            && set.getArguments().size() == 1) {
          String target = models.fieldOfAccessor(reqClass.get(), set.getNameAsString()).map(FieldInfo::wireName).orElse("?");
          Optional<FieldInfo> src = Ast.requestField(models, op, set.getArgument(0));
          infoRequest.put(target, src.map(FieldInfo::wireName).orElse(set.getArgument(0).toString()));
        }
      }
    }
    for (MethodCallExpr c : h.findAll(MethodCallExpr.class)) {
      if (c.getScope().isPresent() && c.getScope().get() instanceof NameExpr n && n.getNameAsString().endsWith("API")) {
        Optional<com.github.javaparser.ast.body.FieldDeclaration> field = impl.decl().getFieldByName(n.getNameAsString());
        if (field.isPresent()) {
          Optional<ClassInfo> api = models.sources().resolve(field.get().getElementType().asString(), impl);
          if (api.isPresent()) {
            String service = api.get().simpleName().replaceAll("API$", "");
            infoOperation = api.get().servicePackage() + "." + service + "." + c.getNameAsString();
            infoResponse =
                api.get().decl().getMethodsByName(c.getNameAsString()).stream()
                    .filter(md -> md.getParameters().size() == 1)
                    .findFirst()
                    .flatMap(md -> models.sources().resolve(md.getType().asString(), api.get()))
                    .orElse(null);
          }
        }
      }
      if (c.getNameAsString().equals("map") && c.getArguments().size() == 1
          && c.getArgument(0) instanceof LambdaExpr l
          && l.getParameters().size() == 1
          && l.getExpressionBody().filter(MethodCallExpr.class::isInstance).isPresent()) {
        MethodCallExpr g = l.getExpressionBody().get().asMethodCallExpr();
        String param = l.getParameter(0).getNameAsString();
        if (g.getNameAsString().startsWith("get")
            && g.getArguments().isEmpty()
            && g.getScope().filter(s -> s.toString().equals(param)).isPresent()) {
          // findAll visits the outermost call of the chain first
          getters.add(0, g.getNameAsString());
        }
      }
    }
    if (infoOperation == null || infoResponse == null) {
      problems.add(where, "data-plane helper not understood");
      return;
    }
    List<String> path = new ArrayList<>();
    ClassInfo cur = infoResponse;
    for (String g : getters) {
      Optional<FieldInfo> f = cur == null ? Optional.empty() : models.fieldOfAccessor(cur, g);
      if (f.isEmpty()) {
        problems.add(where, "data-plane info path not understood at " + g);
        return;
      }
      path.add(f.get().wireName());
      cur = models.sources().resolve(f.get().javaType().asString(), cur).orElse(null);
    }
    String urlField = "endpoint_url";
    if (cur != null) {
      urlField = models.fieldOfAccessor(cur, "getEndpointUrl").map(FieldInfo::wireName).orElse(urlField);
    }
    op.dataPlane = new DataPlane(infoOperation, infoRequest, String.join(".", path), urlField);
    op.notes.add("data-plane operation: the URL and a data-plane token come from " + infoOperation);
  }
}
