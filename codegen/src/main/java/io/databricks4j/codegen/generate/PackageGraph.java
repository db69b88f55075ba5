package io.databricks4j.codegen.generate;

import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.Lro;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.Service;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import io.databricks4j.codegen.model.ApiModel.Waiter;
import io.databricks4j.codegen.model.ApiModel.WaiterParam;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which API packages the generated code of a module names, read from the description: the
 * {@code requires} of its module-info and the dependencies of its pom.
 */
final class PackageGraph {
  private final Plan plan;

  PackageGraph(Plan plan) {
    this.plan = plan;
  }

  /** Every API package of the description, sorted. */
  Set<String> packages() {
    Set<String> all = new TreeSet<>();
    plan.types.all().values().forEach(t -> all.add(t.packageName()));
    plan.services.values().stream().filter(s -> s.level().equals("workspace")).forEach(s -> all.add(s.packageName()));
    return all;
  }

  /** The other API packages the package module {@code pkg} names: in its models and its workspace services. */
  Set<String> packageDependencies(String pkg) {
    Set<String> refs = new TreeSet<>();
    for (TypeDef t : plan.types.all().values()) {
      if (t.packageName().equals(pkg)) Plan.nullSafe(t.fields()).forEach(f -> notation(refs, f.type()));
    }
    for (Service s : plan.generated("workspace")) {
      if (s.packageName().equals(pkg)) service(refs, s);
    }
    refs.remove(pkg);
    return refs;
  }

  /** The API packages the account services name. */
  Set<String> accountDependencies() {
    Set<String> refs = new TreeSet<>();
    for (Service s : plan.generated("account")) service(refs, s);
    return refs;
  }

  private void service(Set<String> refs, Service s) {
    for (Operation o : plan.operations(s)) {
      notation(refs, o.requestType());
      notation(refs, o.responseType());
      if (o.body() != null) notation(refs, o.body().type());
      if (o.pagination() != null) notation(refs, o.pagination().itemType());
      Lro l = o.lro();
      if (l != null) {
        notation(refs, l.operationType());
        notation(refs, l.resultType());
        notation(refs, l.pollRequestType());
      }
      if (o.requestType() != null && plan.types.isRef(o.requestType())) {
        // required fields are the parameters of the convenience overloads
        for (String r : Plan.nullSafe(o.required())) {
          Field f = plan.field(o.requestType(), r);
          notation(refs, f.type());
        }
      }
    }
    for (Waiter w : plan.waiters(s)) {
      notation(refs, w.pollRequestType());
      notation(refs, w.resultType());
      notation(refs, w.statusType());
      for (WaiterParam p : w.params()) notation(refs, p.type());
    }
    for (var sub : Plan.nullSafe(s.subServices())) refs.add(plan.services.get(sub.service()).packageName());
  }

  /** Adds the packages of the models a type notation names ({@code list<compute.State>} names compute). */
  private void notation(Set<String> refs, String notation) {
    if (notation == null) return;
    for (String part : notation.split("[<>,]")) {
      String p = part.strip();
      if (plan.types.isRef(p)) refs.add(plan.types.get(p).packageName());
    }
  }
}
