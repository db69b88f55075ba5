package io.databricks4j.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.databricks4j.codegen.generate.ServiceWriter.Ctx;
import io.databricks4j.codegen.model.ApiModel.DataPlane;
import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.Param;
import io.databricks4j.codegen.model.ApiModel.PathParam;
import io.databricks4j.codegen.model.ApiModel.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes operations that stream bytes or read headers: they build an {@code HttpRequest} and go
 * through {@code ApiClient.call} (the response read inside the attempt) or {@code ApiClient.stream},
 * which apply the same auth, retry, logging and errors as the wire interfaces.
 */
final class RawWriter {
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  private final Plan plan;
  private final ServiceWriter services;

  RawWriter(Plan plan, ServiceWriter services) {
    this.plan = plan;
    this.services = services;
  }

  static boolean needsSegments(Operation o) {
    return Plan.isRaw(o) && o.dataPlane() == null && !Plan.nullSafe(o.pathParams()).isEmpty();
  }

  static boolean needsJson(Operation o) {
    return Plan.isRaw(o) && o.body() != null && !o.body().kind().equals("stream");
  }

  void body(MethodSpec.Builder m, Ctx c, Operation o) {
    if (o.dataPlane() != null) {
      dataPlaneTarget(m, o);
      m.addStatement("$T.Builder http = $T.builder($S,$W$N.$N())", Poet.HTTP_REQUEST, Poet.HTTP_REQUEST, o.verb(),
          "info", plan.field(dataPlaneInfoType(o), o.dataPlane().urlField()).name());
    } else {
      m.addStatement("$T.Builder http = $T.builder($S,$W$L)", Poet.HTTP_REQUEST, Poet.HTTP_REQUEST, o.verb(), pathExpr(o));
    }
    if (WireWriter.needsIdempotentMark(o)) m.addStatement("http.idempotent(true)");
    if (!Plan.nullSafe(o.queryParams()).isEmpty()) m.addStatement("http.queryParams($L)", services.query(o, "request"));
    if (o.accept() != null) m.addStatement("http.header($S, $S)", "Accept", o.accept());
    for (Param h : Plan.nullSafe(o.headerParams())) {
      m.addStatement("if (request.$N() != null) http.header($S, String.valueOf(request.$N()))", h.field(), h.name(), h.field());
    }
    if (o.workspaceIdHeader()) {
      m.addStatement("String workspaceId = workspaceId()");
      m.addStatement("if (workspaceId != null) http.header($S, workspaceId)", "X-Databricks-Workspace-Id");
    }
    if (o.body() != null) {
      String ct = o.contentType() == null ? "application/json" : o.contentType();
      switch (o.body().kind()) {
        case "stream" -> {
          String f = plan.field(o.requestType(), o.body().field()).name();
          m.beginControlFlow("if (request.$N() != null)", f)
              .addStatement("http.body($T.of(request.$N(), -1, $S))", Poet.REQUEST_BODY, f, ct)
              .endControlFlow();
        }
        case "json" -> m.addStatement("http.body($T.of(json(request), $S))", Poet.REQUEST_BODY, ct);
        case "field" -> m.addStatement("http.body($T.of(json(request.$N()), $S))", Poet.REQUEST_BODY,
            plan.field(o.requestType(), o.body().field()).name(), ct);
        default -> throw new IllegalStateException("raw body " + o.body().kind() + " of " + o.name());
      }
    }
    if (o.dataPlane() != null) {
      // the data plane takes a token of its own, exchanged for the client's OAuth token and cached
      CodeBlock headers = headerSetters(o);
      CodeBlock json = CodeBlock.of("$T.json($T.class)", Poet.API_CLIENT, plan.types.typeName(o.responseType()));
      m.addStatement("return api.dataPlane(http.build(), info.$N(),$W$L)",
          plan.field(dataPlaneInfoType(o), "authorization_details").name(), headers.isEmpty() ? json
              : CodeBlock.of("response -> $L.handle(response).toBuilder()$L\n.build()", json, headers));
      return;
    }
    // the response is read inside the attempt (ApiClient.call), so a body cut short is retried
    switch (o.responseKind()) {
      case "void" -> m.addStatement("api.call(http.build())");
      case "stream" -> {
        ClassName resp = plan.types.className(o.responseType());
        m.addStatement("$T response = api.stream(http.build(), $L)", Poet.HTTP_RESPONSE, o.resumable());
        m.addStatement("return $T.builder()$L\n.$N(response.body())\n.build()", resp, headerSetters(o), streamField(o));
      }
      case "headers" -> m.addStatement("return api.call(http.build(), response -> $T.builder()$L\n.build())",
          plan.types.className(o.responseType()), headerSetters(o));
      default -> {
        CodeBlock headers = headerSetters(o);
        CodeBlock json = CodeBlock.of("$T.json($T.class)", Poet.API_CLIENT, plan.types.typeName(o.responseType()));
        if (headers.isEmpty()) {
          m.addStatement("return api.call(http.build(), $L)", json);
        } else {
          m.addStatement("return api.call(http.build(), response -> $L.handle(response).toBuilder()$L\n.build())", json, headers);
        }
      }
    }
  }

  /**
   * The URL and authorization details of a data-plane operation: {@code info_operation} called with
   * {@code info_request} (a service of the same client), then {@code info_path} in its answer.
   */
  private void dataPlaneTarget(MethodSpec.Builder m, Operation o) {
    DataPlane dp = o.dataPlane();
    int cut = dp.infoOperation().lastIndexOf('.');
    Service info = plan.services.get(dp.infoOperation().substring(0, cut));
    Operation get = plan.operations(info).stream().filter(x -> x.name().equals(dp.infoOperation().substring(cut + 1)))
        .findFirst().orElseThrow(() -> new IllegalStateException("no operation " + dp.infoOperation()));
    CodeBlock.Builder setters = CodeBlock.builder();
    dp.infoRequest().forEach((target, source) -> setters.add(".$N(request.$N())",
        plan.field(get.requestType(), target).name(), plan.field(o.requestType(), source).name()));
    m.addStatement("$T endpoint = new $T(api).$N($T.builder()$L.build())", plan.types.typeName(get.responseType()),
        plan.serviceClass(info), get.name(), plan.types.className(get.requestType()), setters.build());
    // walk info_path through the answer's fields; a missing step means the endpoint has no data plane
    String type = get.responseType();
    String previous = "endpoint";
    String[] steps = dp.infoPath().split("\\.");
    for (int i = 0; i < steps.length; i++) {
      Field f = plan.field(type, steps[i]);
      String local = i == steps.length - 1 ? "info" : f.name();
      m.addStatement("$T $N = $N == null ? null : $N.$N()", plan.types.typeName(f.type()), local, previous, previous,
          f.name());
      previous = local;
      type = f.type();
    }
    m.beginControlFlow("if (info == null || info.$N() == null)", plan.field(type, dp.urlField()).name())
        .addStatement("throw new $T($S + $N.$N() + $S)", Poet.DATABRICKS_EXCEPTION, dp.infoOperation() + " of ",
            "request", plan.field(o.requestType(), dp.infoRequest().values().iterator().next()).name(),
            " gave no " + dp.infoPath() + "." + dp.urlField() + ": this endpoint has no data plane; call the "
                + "control-plane operation instead")
        .endControlFlow();
  }

  /** The type at the end of a data-plane operation's {@code info_path}. */
  private String dataPlaneInfoType(Operation o) {
    DataPlane dp = o.dataPlane();
    int cut = dp.infoOperation().lastIndexOf('.');
    Service info = plan.services.get(dp.infoOperation().substring(0, cut));
    String type = plan.operations(info).stream().filter(x -> x.name().equals(dp.infoOperation().substring(cut + 1)))
        .findFirst().orElseThrow().responseType();
    for (String step : dp.infoPath().split("\\.")) {
      type = plan.field(type, step).type();
    }
    return type;
  }

  private String streamField(Operation o) {
    return Plan.nullSafe(plan.types.get(o.responseType()).fields()).stream()
        .filter(f -> f.type().equals("stream")).map(Field::name).findFirst()
        .orElseThrow(() -> new IllegalStateException(o.responseType() + " has no stream field"));
  }

  /** {@code .contentLength(response.header("content-length").map(Long::valueOf).orElse(null))}, one header a line. */
  private CodeBlock headerSetters(Operation o) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (Param h : Plan.nullSafe(o.responseHeaders())) {
      String conv = switch (h.type()) {
        case "int64" -> ".map(Long::valueOf)";
        case "int32" -> ".map(Integer::valueOf)";
        case "boolean" -> ".map(Boolean::valueOf)";
        default -> "";
      };
      b.add("\n.$N(response.header($S)$L.orElse(null))", h.field(), h.name(), conv);
    }
    return b.build();
  }

  /** {@code "/api/2.0/fs/files" + segments(path(request.filePath(), "file_path"))}. */
  private CodeBlock pathExpr(Operation o) {
    Matcher m = PARAM.matcher(o.path());
    List<CodeBlock> parts = new ArrayList<>();
    int last = 0;
    while (m.find()) {
      if (m.start() > last) parts.add(CodeBlock.of("$S", o.path().substring(last, m.start())));
      PathParam p = Plan.nullSafe(o.pathParams()).stream().filter(x -> x.name().equals(m.group(1))).findFirst().orElseThrow();
      parts.add(CodeBlock.of("segments($L)", services.pathValue(o, p, "request")));
      last = m.end();
    }
    if (last < o.path().length()) parts.add(CodeBlock.of("$S", o.path().substring(last)));
    return CodeBlock.join(parts, " + ");
  }
}
