package io.databricks4j.codegen.generate;

import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.Service;
import io.databricks4j.codegen.model.DescriptionIo;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks compiled service classes against the description: every operation of a level must have
 * its public method, taking the request model and returning the response model. Used by the
 * coverage tests of services-workspace and services-account.
 */
public final class Coverage {
  /**
   * Operations found, and those missing with the reason; of the operations whose request model has
   * no required field, how many there are and how many have their no-arg overload.
   */
  public record Result(int described, int found, List<String> missing, int withoutRequired, int noArgFound) {}

  private Coverage() {}

  public static Result check(Path apiDir, String level, ClassLoader loader) {
    Plan plan = new Plan(DescriptionIo.readPackages(apiDir), Map.of());
    int described = 0;
    int found = 0;
    int withoutRequired = 0;
    int noArgFound = 0;
    List<String> missing = new ArrayList<>();
    for (Service s : plan.services.values()) {
      if (!level.equals(s.level())) continue;
      Service owner = s.inheritedBy() == null ? s : plan.services.get(s.inheritedBy());
      Class<?> type;
      try {
        type = Class.forName(plan.serviceClass(owner).canonicalName(), false, loader);
      } catch (ClassNotFoundException e) {
        for (Operation o : Plan.nullSafe(s.operations())) missing.add(Plan.key(s) + "." + o.name() + ": no class " + plan.serviceClass(owner).canonicalName());
        described += Plan.nullSafe(s.operations()).size();
        continue;
      }
      for (Operation o : Plan.nullSafe(s.operations())) {
        described++;
        String problem = problem(plan, type, o);
        if (problem == null) found++;
        else missing.add(Plan.key(s) + "." + o.name() + ": " + problem);
        if (o.requestType() != null && plan.types.isRef(o.requestType()) && Plan.nullSafe(o.required()).isEmpty()) {
          withoutRequired++;
          if (hasNoArg(type, o.name())) noArgFound++;
          else missing.add(Plan.key(s) + "." + o.name() + ": no public method " + o.name() + "() on " + type.getName());
        }
      }
    }
    return new Result(described, found, missing, withoutRequired, noArgFound);
  }

  private static boolean hasNoArg(Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 0 && Modifier.isPublic(m.getModifiers())) return true;
    }
    return false;
  }

  private static String problem(Plan plan, Class<?> type, Operation o) {
    String name = ServiceWriter.directName(o);
    String request = o.requestType() == null ? null
        : plan.types.isRef(o.requestType()) ? plan.types.className(o.requestType()).reflectionName() : "java.util.Map";
    for (Method m : type.getMethods()) {
      if (!m.getName().equals(name) || !Modifier.isPublic(m.getModifiers())) continue;
      if (request == null && m.getParameterCount() == 0) return null;
      if (request != null && m.getParameterCount() == 1 && m.getParameterTypes()[0].getName().equals(request)) {
        return null;
      }
    }
    return "no public method " + name + "(" + (request == null ? "" : request) + ") on " + type.getName();
  }
}
