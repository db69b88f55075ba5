package io.databricks4j.codegen.generate;

import io.databricks4j.codegen.generate.ServiceWriter.Ctx;
import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.Param;
import io.databricks4j.codegen.model.ApiModel.PathParam;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes operations that stream bytes or read headers: they build an {@code HttpRequest} and go
 * through {@code ApiClient.call} (the response read inside the attempt) or {@code ApiClient.stream},
 * which apply the same auth, retry, logging and errors as the wire interfaces.
 */
final class RawWriter {
  static final String REQUEST = "io.databricks4j.http.HttpRequest";
  static final String BODY = "io.databricks4j.http.RequestBody";
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
    return Plan.isRaw(o) && o.dataPlane() == null && o.body() != null && !o.body().kind().equals("stream");
  }

  void body(Src src, Ctx c, Operation o) {
    if (o.dataPlane() != null) {
      src.line("throw new UnsupportedOperationException(\"" + Plan.key(c.s) + "." + o.name() + " calls a data-plane URL with a data-plane token \"");
      src.line("    + \"(from " + o.dataPlane().infoOperation() + ", " + o.dataPlane().infoPath() + "); databricks4j cannot obtain that token yet. \"");
      src.line("    + \"Use the control-plane route, servingEndpoints().query(...), instead.\");");
      return;
    }
    src.line(REQUEST + ".Builder http = " + REQUEST + ".builder(" + Src.str(o.verb()) + ", " + pathExpr(c, o) + ");");
    if (!Plan.nullSafe(o.queryParams()).isEmpty()) {
      src.line("http.queryParams(" + services.query(o, "request") + ");");
    }
    if (o.accept() != null) src.line("http.header(\"Accept\", " + Src.str(o.accept()) + ");");
    for (Param h : Plan.nullSafe(o.headerParams())) {
      src.line("if (request." + h.field() + "() != null) http.header(" + Src.str(h.name()) + ", String.valueOf(request." + h.field() + "()));");
    }
    if (o.workspaceIdHeader()) {
      src.line("String workspaceId = workspaceId();");
      src.line("if (workspaceId != null) http.header(\"X-Databricks-Workspace-Id\", workspaceId);");
    }
    if (o.body() != null) {
      String ct = o.contentType() == null ? "application/json" : o.contentType();
      switch (o.body().kind()) {
        case "stream" -> {
          String f = plan.field(o.requestType(), o.body().field()).name();
          src.open("if (request." + f + "() != null) {");
          src.line("http.body(" + BODY + ".of(request." + f + "(), -1, " + Src.str(ct) + "));");
          src.close("}");
        }
        case "json" -> src.line("http.body(" + BODY + ".of(json(request), " + Src.str(ct) + "));");
        case "field" -> src.line("http.body(" + BODY + ".of(json(request." + plan.field(o.requestType(), o.body().field()).name() + "()), " + Src.str(ct) + "));");
        default -> throw new IllegalStateException("raw body " + o.body().kind() + " of " + o.name());
      }
    }
    String resp = o.responseType();
    // the response is read inside the attempt (ApiClient.call), so a body cut short is retried
    switch (o.responseKind()) {
      case "void" -> src.line("api.call(http.build());");
      case "stream" -> {
        // only the Files API honours Range, so only its downloads resume where they broke off
        boolean resumable = o.verb().equals("GET") && o.path().startsWith("/api/2.0/fs/files");
        src.line("io.databricks4j.http.HttpResponse response = api.stream(http.build(), " + resumable + ");");
        src.line("return " + c.j(resp) + ".builder()" + headerSetters(c, o) + "." + streamField(o) + "(response.body()).build();");
      }
      case "headers" -> src.line("return api.call(http.build(), response -> " + c.j(resp) + ".builder()" + headerSetters(c, o) + ".build());");
      default -> {
        String headers = headerSetters(c, o);
        String json = "io.databricks4j.core.ApiClient.json(" + c.j(resp) + ".class)";
        if (headers.isEmpty()) {
          src.line("return api.call(http.build(), " + json + ");");
        } else {
          src.line("return api.call(http.build(), response -> " + json + ".handle(response).toBuilder()" + headers + ".build());");
        }
      }
    }
  }

  private String streamField(Operation o) {
    return Plan.nullSafe(plan.types.get(o.responseType()).fields()).stream()
        .filter(f -> f.type().equals("stream")).map(Field::name).findFirst()
        .orElseThrow(() -> new IllegalStateException(o.responseType() + " has no stream field"));
  }

  private String headerSetters(Ctx c, Operation o) {
    StringBuilder b = new StringBuilder();
    for (Param h : Plan.nullSafe(o.responseHeaders())) {
      String value = "response.header(" + Src.str(h.name()) + ")";
      String conv = switch (h.type()) {
        case "int64" -> ".map(Long::valueOf)";
        case "int32" -> ".map(Integer::valueOf)";
        case "boolean" -> ".map(Boolean::valueOf)";
        default -> "";
      };
      b.append("\n            .").append(h.field()).append('(').append(value).append(conv).append(".orElse(null))");
    }
    return b.toString();
  }

  /** {@code "/api/2.0/fs/files" + segments(path(request.filePath(), "file_path"))}. */
  private String pathExpr(Ctx c, Operation o) {
    Matcher m = PARAM.matcher(o.path());
    StringBuilder b = new StringBuilder();
    int last = 0;
    while (m.find()) {
      if (m.start() > last) b.append(b.length() == 0 ? "" : " + ").append(Src.str(o.path().substring(last, m.start())));
      PathParam p = Plan.nullSafe(o.pathParams()).stream().filter(x -> x.name().equals(m.group(1))).findFirst().orElseThrow();
      String v = services.pathValue(c, o, p, "request");
      b.append(b.length() == 0 ? "" : " + ").append("segments(").append(v).append(")");
      last = m.end();
    }
    if (last < o.path().length()) b.append(b.length() == 0 ? "" : " + ").append(Src.str(o.path().substring(last)));
    return b.toString();
  }
}
