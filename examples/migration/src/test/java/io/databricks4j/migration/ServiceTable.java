package io.databricks4j.migration;

import io.databricks4j.migration.ApiDescription.Service;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The accessor and class of every service in both SDKs, derived from the API description by the
 * naming rules, and checked against both SDKs' clients by reflection.
 */
final class ServiceTable {
  private final ApiDescription api;
  private final List<String> mismatches = new ArrayList<>();

  ServiceTable(ApiDescription api) {
    this.api = api;
  }

  /** Where the rules and the real clients disagree; empty when the table is right. */
  List<String> mismatches() {
    return mismatches;
  }

  String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("| official accessor | official class | databricks4j accessor | databricks4j class | module |\n");
    sb.append("|---|---|---|---|---|\n");
    List<Service> sorted = new ArrayList<>(api.services);
    sorted.sort(Comparator.comparing(Service::level).reversed().thenComparing(Service::pkg)
        .thenComparing(s -> path(s, false)));
    for (Service s : sorted) {
      Class<?> official = check(officialOwner(s), s.officialAccessor(), officialClass(s), s);
      Class<?> ours = check(ourOwner(s), s.accessor(), ourClass(s), s);
      sb.append("| `").append(path(s, true)).append("` | `").append(simple(officialClass(s), official))
          .append("` | `").append(path(s, false)).append("` | `").append(simple(ourClass(s), ours))
          .append("` | `").append(s.isAccount() ? "services-account" : "service-" + s.pkg()).append("` |\n");
    }
    return sb.toString();
  }

  /** {@code w.settings().DefaultNamespace()}: the call chain from the client. */
  private String path(Service s, boolean official) {
    String self = (official ? s.officialAccessor() : s.accessor()) + "()";
    if (s.parent() != null) {
      return path(api.byQualifiedName(s.parent()), official) + "." + self;
    }
    return (s.isAccount() ? "a." : "w.") + self;
  }

  /** The official class: {@code com.databricks.sdk.service.<pkg>.<Name>API}, or its hand-written subclass. */
  private static String officialClass(Service s) {
    return s.officialMixin() != null ? "com.databricks.sdk.mixin." + s.officialMixin()
        : "com.databricks.sdk.service." + s.pkg() + "." + s.name() + "API";
  }

  /** Ours: {@code io.databricks4j.service|account.<pkg>.<Name>Api}, or the subclass mixins.json names. */
  private String ourClass(Service s) {
    String generated = "io.databricks4j." + (s.isAccount() ? "account." : "service.") + s.pkg() + "." + s.className();
    return api.mixins.getOrDefault(generated, generated);
  }

  private String officialOwner(Service s) {
    if (s.parent() != null) {
      return officialClass(api.byQualifiedName(s.parent()));
    }
    return s.isAccount() ? "com.databricks.sdk.AccountClient" : "com.databricks.sdk.WorkspaceClient";
  }

  private String ourOwner(Service s) {
    if (s.parent() != null) {
      return ourClass(api.byQualifiedName(s.parent()));
    }
    return s.isAccount() ? "io.databricks4j.account.AccountClient" : "io.databricks4j.WorkspaceClient";
  }

  /** The class that {@code owner.accessor()} returns, recording a mismatch with {@code expected}. */
  private Class<?> check(String owner, String accessor, String expected, Service s) {
    try {
      Method m = Class.forName(owner).getMethod(accessor);
      if (!m.getReturnType().getName().equals(expected)) {
        mismatches.add(s.pkg() + "." + s.name() + ": " + owner + "." + accessor + "() returns "
            + m.getReturnType().getName() + ", the rule says " + expected);
      }
      return m.getReturnType();
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      mismatches.add(s.pkg() + "." + s.name() + ": no " + owner + "." + accessor + "() (" + e + ")");
      return null;
    }
  }

  private static String simple(String expected, Class<?> actual) {
    return actual != null ? actual.getSimpleName() : expected.substring(expected.lastIndexOf('.') + 1);
  }
}
