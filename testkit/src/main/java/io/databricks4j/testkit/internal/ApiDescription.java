package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The operations of {@code codegen/api/*.json}, packaged into this jar under
 * {@code io/databricks4j/testkit/api}. Loaded once per class loader: the description is a few
 * megabytes of JSON and every workspace of a test run shares it.
 */
public final class ApiDescription {
  private static final String BASE = "/io/databricks4j/testkit/api/";
  private static volatile ApiDescription shared;

  private final List<Operation> operations;
  private final Map<String, JsonNode> types;
  private final Map<String, JsonNode> waiters;

  private ApiDescription(List<Operation> operations, Map<String, JsonNode> types, Map<String, JsonNode> waiters) {
    this.operations = List.copyOf(operations);
    this.types = Map.copyOf(types);
    this.waiters = Map.copyOf(waiters);
  }

  /** The packaged description. */
  public static ApiDescription load() {
    ApiDescription d = shared;
    if (d == null) {
      synchronized (ApiDescription.class) {
        d = shared;
        if (d == null) {
          d = shared = read();
        }
      }
    }
    return d;
  }

  public List<Operation> operations() {
    return operations;
  }

  /** The type definitions by qualified name ({@code compute.ClusterDetails}). */
  public Map<String, JsonNode> types() {
    return types;
  }

  /** The waiters by service and name ({@code compute.Clusters.waitGetClusterRunning}). */
  public Map<String, JsonNode> waiters() {
    return waiters;
  }

  private static ApiDescription read() {
    JsonNode index = resource("index.json");
    List<Operation> ops = new ArrayList<>();
    Map<String, JsonNode> types = new HashMap<>();
    Map<String, JsonNode> waiters = new HashMap<>();
    Iterator<String> packages = index.path("packages").fieldNames();
    while (packages.hasNext()) {
      String pkg = packages.next();
      JsonNode description = resource(pkg + ".json");
      description.path("types").fields().forEachRemaining(t -> types.put(pkg + "." + t.getKey(), t.getValue()));
      for (JsonNode service : description.path("services")) {
        for (JsonNode w : service.path("waiters")) {
          waiters.put(pkg + "." + service.path("name").asText() + "." + w.path("name").asText(), w);
        }
        for (JsonNode op : service.path("operations")) {
          if (!op.hasNonNull("path")) {
            continue; // data-plane operations have a URL from another response, not a path here
          }
          ops.add(operation(pkg, service, op));
        }
      }
    }
    if (ops.isEmpty()) {
      throw new IllegalStateException("the packaged API description under " + BASE + " lists no operations");
    }
    return new ApiDescription(ops, types, waiters);
  }

  private static Operation operation(String pkg, JsonNode service, JsonNode op) {
    List<Operation.PathParam> params = new ArrayList<>();
    for (JsonNode p : op.path("path_params")) {
      params.add(new Operation.PathParam(p.path("name").asText(), p.path("multi_segment").asBoolean(false),
          "config".equals(p.path("source").asText())));
    }
    List<String> required = new ArrayList<>();
    op.path("required").forEach(r -> required.add(r.asText()));
    String bodyKind = op.path("body").path("kind").asText("none");
    return new Operation(pkg, service.path("name").asText(), op.path("name").asText(),
        service.path("level").asText("workspace"), op.path("verb").asText(), op.path("path").asText(),
        List.copyOf(params), List.copyOf(required), bodyKind, op);
  }

  private static JsonNode resource(String name) {
    try (InputStream in = ApiDescription.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("the testkit jar has no " + BASE + name
            + "; it is copied from codegen/api at build time, rebuild the testkit module");
      }
      return Json.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BASE + name, e);
    }
  }
}
