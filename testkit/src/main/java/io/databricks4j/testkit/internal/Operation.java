package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One operation of the API description: what the router needs to recognise a request and what
 * the dispatcher needs to check it.
 *
 * @param pkg the description package ({@code compute})
 * @param service the service name ({@code Clusters})
 * @param name the operation name ({@code create})
 * @param level {@code workspace} or {@code account}
 * @param required wire names of the required fields, path parameters included
 * @param bodyKind {@code json}, {@code field}, {@code map}, {@code stream} or {@code none}
 * @param spec the operation as the description states it (types, pagination, waiter, LRO), read
 *     by the generic engine
 */
public record Operation(String pkg, String service, String name, String level, String verb, String path,
    List<PathParam> pathParams, List<String> required, String bodyKind, JsonNode spec) {

  /** A path parameter of the template, in template order. */
  public record PathParam(String name, boolean multiSegment, boolean fromConfig) {
  }

  /** The key emulations register under: the verb and the path template. */
  public String key() {
    return key(verb, path);
  }

  public static String key(String verb, String pathTemplate) {
    return verb + " " + pathTemplate;
  }

  /** {@code Clusters.create}, as error messages name it. */
  public String qualifiedName() {
    return service + "." + name;
  }

  /** {@code compute.Clusters}: the service as the description's types and waiters name it. */
  public String qualifiedService() {
    return pkg + "." + service;
  }

  /** The response type ({@code compute.ClusterDetails}, {@code list<...>}, {@code void}). */
  public String responseType() {
    return spec.path("response_type").asText("void");
  }

  /** The request type, or null when the operation takes none. */
  public String requestType() {
    return spec.hasNonNull("request_type") ? spec.get("request_type").asText() : null;
  }

  @Override
  public String toString() {
    return qualifiedName() + " (" + verb + " " + path + ")";
  }
}
