package io.databricks4j.testkit.internal;

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
 */
public record Operation(String pkg, String service, String name, String level, String verb, String path,
    List<PathParam> pathParams, List<String> required, String bodyKind) {

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

  @Override
  public String toString() {
    return qualifiedName() + " (" + verb + " " + path + ")";
  }
}
