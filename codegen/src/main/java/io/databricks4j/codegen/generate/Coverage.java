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
  /** Operations found, and those missing with the reason. */
  public record Result(int described, int found, List<String> missing) {}

  private Coverage() {}

  public static Result check(Path apiDir, String level, ClassLoader loader) {
    Plan plan = new Plan(DescriptionIo.readPackages(apiDir), Map.of());
    int described = 0;
    int found = 0;
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
      }
    }
    return new Result(described, found, missing);
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
