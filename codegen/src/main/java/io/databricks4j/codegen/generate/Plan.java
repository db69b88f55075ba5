package io.databricks4j.codegen.generate;

import com.palantir.javapoet.ClassName;
import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.PackageDescription;
import io.databricks4j.codegen.model.ApiModel.Service;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import io.databricks4j.codegen.model.ApiModel.Waiter;
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
  List<Waiter> waiters(Service s) {
    List<Waiter> w = new ArrayList<>(nullSafe(s.waiters()));
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

  ClassName serviceClass(Service s) {
    return ClassName.get(servicePackage(s), s.className());
  }

  ClassName wireClass(Service s) {
    return ClassName.get(servicePackage(s) + ".internal", s.className().replaceAll("Api$", "") + "Wire");
  }

  /** The class the accessor hands out: a hand-written subclass from mixins.json, else the service. */
  ClassName accessorClass(Service s) {
    String mixin = mixins.get(serviceClass(s).canonicalName());
    return mixin == null ? serviceClass(s) : ClassName.bestGuess(mixin);
  }

  /** Operations that do not fit a JSON-over-Feign call go through ApiClient.execute. */
  static boolean isRaw(Operation o) {
    return (o.body() != null && o.body().kind().equals("stream"))
        || o.responseKind().equals("stream")
        || o.responseKind().equals("headers")
        || o.dataPlane() != null;
  }

  /** Required fields a convenience overload takes at most; more read better through the builder. */
  static final int MAX_OVERLOAD_FIELDS = 4;

  /**
   * Whether the service class has a convenience overload of {@code o}: {@code op(required, ...)}
   * for a model request with 1 to 4 required fields, {@code op()} for one with none.
   */
  boolean hasOverload(Operation o) {
    return o.requestType() != null && types.isRef(o.requestType())
        && nullSafe(o.required()).size() <= MAX_OVERLOAD_FIELDS;
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
