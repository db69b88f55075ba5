package io.databricks4j.codegen.generate;

import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.PackageDescription;
import io.databricks4j.codegen.model.ApiModel.Service;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which services exist, where their classes go, and which operations each class carries. */
final class Plan {
  static final String ACCOUNT_ROOT = "io.databricks4j.account";

  final TypeIndex types;
  final Map<String, Service> services = new LinkedHashMap<>();
  final Map<String, String> mixins;

  Plan(List<PackageDescription> packages, Map<String, String> mixins) {
    this.types = new TypeIndex(packages);
    this.mixins = mixins;
    for (PackageDescription p : packages) {
      if (p.services() == null) continue;
      for (Service s : p.services()) services.put(p.name() + "." + s.name(), s);
    }
  }

  static String key(Service s) {
    return s.packageName() + "." + s.name();
  }

  /** Services that get a class of their own (inherited ones are folded into their heir). */
  List<Service> generated(String level) {
    return services.values().stream()
        .filter(s -> s.inheritedBy() == null && level.equals(s.level()))
        .toList();
  }

  /** The operations a service class carries: its own plus those of services folded into it. */
  List<Operation> operations(Service s) {
    List<Operation> ops = new ArrayList<>(nullSafe(s.operations()));
    for (Service other : services.values()) {
      if (key(s).equals(other.inheritedBy())) ops.addAll(nullSafe(other.operations()));
    }
    return ops;
  }

  /** The service whose waiters an operation of {@code s} may use (own or folded). */
  List<io.databricks4j.codegen.model.ApiModel.Waiter> waiters(Service s) {
    List<io.databricks4j.codegen.model.ApiModel.Waiter> w = new ArrayList<>(nullSafe(s.waiters()));
    for (Service other : services.values()) {
      if (key(s).equals(other.inheritedBy())) w.addAll(nullSafe(other.waiters()));
    }
    return w;
  }

  String servicePackage(Service s) {
    return "account".equals(s.level())
        ? ACCOUNT_ROOT + "." + s.packageName()
        : TypeIndex.modelPackage(s.packageName());
  }

  String serviceClass(Service s) {
    return servicePackage(s) + "." + s.className();
  }

  String wireName(Service s) {
    return s.className().replaceAll("Api$", "") + "Wire";
  }

  String wireClass(Service s) {
    return servicePackage(s) + ".internal." + wireName(s);
  }

  /** The class the accessor hands out: a hand-written subclass from mixins.json, else the service. */
  String accessorClass(Service s) {
    return mixins.getOrDefault(serviceClass(s), serviceClass(s));
  }

  /** Operations that do not fit a JSON-over-Feign call go through ApiClient.execute. */
  static boolean isRaw(Operation o) {
    return (o.body() != null && o.body().kind().equals("stream"))
        || o.responseKind().equals("stream")
        || o.responseKind().equals("headers")
        || o.dataPlane() != null;
  }

  Field field(String typeRef, String wireName) {
    TypeDef t = types.get(typeRef);
    for (Field f : nullSafe(t.fields())) {
      if (f.wireName().equals(wireName)) return f;
    }
    throw new IllegalStateException(typeRef + " has no field " + wireName);
  }

  static <T> List<T> nullSafe(List<T> l) {
    return l == null ? List.of() : l;
  }
}
