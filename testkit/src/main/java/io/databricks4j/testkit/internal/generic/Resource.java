package io.databricks4j.testkit.internal.generic;

import io.databricks4j.testkit.internal.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of resource the engine inferred from the operations of one service: its entity type,
 * how a request addresses one (an item template such as {@code /api/2.0/apps/{name}}, a resource
 * name under {@code X/{name}}, or key fields of an RPC-style API), and the state its waiters wait for.
 */
final class Resource {
  final String id;
  final String service;
  final String noun;
  String entityType;
  /** The template that addresses one resource; null for RPC-style resources addressed by key fields. */
  String itemTemplate;
  /** {@code X} when the item template is {@code X/{name}} and {@code name} is a resource name with slashes. */
  String aipPrefix;
  /** The key parameters (of the item template, or the RPC key fields), without config parameters. */
  final List<String> keys = new ArrayList<>();
  /** Per key parameter, the dotted entity field holding its value, or null. */
  final Map<String, String> keyFields = new LinkedHashMap<>();
  /** Whether some operation creates it; a resource nobody creates answers defaults (a setting). */
  boolean creatable;
  boolean virtual;
  /** The creatable resource a get-only resource finds by other fields ({@code getByName}), or null. */
  Resource lookupOf;
  /** The waiter's status field and the state a new resource shows. */
  String statusPath;
  String readyState;
  Operation get;
  Operation create;
  Operation list;
  Operation delete;

  Resource(String service, String noun) {
    this.id = service + "#" + noun;
    this.service = service;
    this.noun = noun;
  }

  boolean rpc() {
    return itemTemplate == null;
  }

  /** The key of an RPC-style resource in the store. */
  String rpcKey(List<String> values) {
    return "/rpc/" + service + "/" + noun + "/" + String.join("/", values.stream().map(v -> v.replace("/", "%2F")).toList());
  }

  /** The store prefix of every RPC-style resource of this kind. */
  String rpcPrefix() {
    return "/rpc/" + service + "/" + noun;
  }

  /** A human name for messages: {@code App}, {@code Custom template}. */
  String label() {
    if (entityType != null) {
      String simple = entityType.substring(entityType.indexOf('.') + 1);
      if (simple.startsWith("Get") && simple.length() > 3 && Character.isUpperCase(simple.charAt(3))) {
        simple = simple.substring(3);
      }
      for (String suffix : new String[] {"Response", "Info"}) {
        if (simple.endsWith(suffix) && simple.length() > suffix.length()) {
          simple = simple.substring(0, simple.length() - suffix.length());
        }
      }
      return simple;
    }
    String n = noun.isEmpty() ? service.substring(service.indexOf('.') + 1) : noun;
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  @Override
  public String toString() {
    return id + (itemTemplate != null ? " at " + itemTemplate : " by " + keys);
  }
}
