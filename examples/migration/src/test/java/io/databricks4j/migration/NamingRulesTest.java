package io.databricks4j.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.migration.ApiDescription.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules the guide states for models hold for every type of the description, in both SDKs:
 * {@code com.databricks.sdk.service.<pkg>.<Name>} is {@code io.databricks4j.service.<pkg>.<Name>},
 * {@code getFooBar()} is {@code fooBar()} (but {@code getType()}, {@code getPackage()} and
 * {@code getDefault()} are {@code typeValue()}, {@code packageValue()} and {@code defaultValue()}),
 * and enum constants keep their names.
 */
class NamingRulesTest {
  private static final ApiDescription API = ApiDescription.load(Path.of(System.getProperty("codegen.api.dir")),
      Path.of(System.getProperty("codegen.mixins")));

  @Test
  void modelsGettersAndEnumConstantsMapByRule() {
    List<String> misses = new ArrayList<>();
    int classes = 0;
    int getters = 0;
    int constants = 0;
    int renamed = 0;
    for (Type t : API.types) {
      Class<?> official = load("com.databricks.sdk.service." + t.pkg() + "." + t.name(), misses);
      Class<?> ours = load("io.databricks4j.service." + t.pkg() + "." + t.name(), misses);
      if (official == null || ours == null) {
        continue;
      }
      classes++;
      if (t.isEnum()) {
        Set<String> o = names(official.getEnumConstants());
        Set<String> d = openEnumConstants(ours);
        for (String c : t.members()) {
          constants++;
          if (!o.contains(c) || !d.contains(c)) {
            misses.add(t.pkg() + "." + t.name() + "." + c + (o.contains(c) ? "" : " (official)") + (d.contains(c) ? "" : " (ours)"));
          }
        }
        continue;
      }
      for (int i = 0; i < t.members().size(); i++) {
        String field = t.members().get(i);
        getters++;
        String officialName = RENAMED.contains(t.wireNames().get(i)) && field.equals(t.wireNames().get(i) + "Value")
            ? t.wireNames().get(i) : field;
        renamed += officialName.equals(field) ? 0 : 1;
        String getter = "get" + Character.toUpperCase(officialName.charAt(0)) + officialName.substring(1);
        if (!hasNoArg(official, getter)) {
          misses.add(official.getName() + "." + getter + "()");
        }
        if (!hasNoArg(ours, field)) {
          misses.add(ours.getName() + "." + field + "()");
        }
      }
    }
    System.out.printf("naming rules: %d classes, %d getters (%d renamed), %d enum constants checked; %d misses%n",
        classes, getters, renamed, constants, misses.size());
    assertThat(misses).isEmpty();
    assertThat(classes).isGreaterThan(2000);
  }

  /** Wire names whose Java name in databricks4j gets a {@code Value} suffix. */
  private static final Set<String> RENAMED = Set.of("type", "package", "default");

  /**
   * The constants of one of our enums: a final class (values unknown today survive), whose known
   * values are public static fields of its own type and the constants of its nested {@code Known} enum.
   */
  private static Set<String> openEnumConstants(Class<?> type) {
    Set<String> fields = Arrays.stream(type.getFields())
        .filter(f -> java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == type)
        .map(java.lang.reflect.Field::getName).collect(Collectors.toSet());
    Set<String> known = Arrays.stream(type.getDeclaredClasses()).filter(c -> c.getSimpleName().equals("Known"))
        .findFirst().map(c -> names(c.getEnumConstants())).orElse(Set.of());
    return fields.equals(known) ? fields : Set.of();
  }

  private static Set<String> names(Object[] constants) {
    return Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.toSet());
  }

  private static boolean hasNoArg(Class<?> c, String name) {
    try {
      c.getMethod(name);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static Class<?> load(String name, List<String> misses) {
    try {
      return Class.forName(name, false, NamingRulesTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      misses.add("no class " + name);
      return null;
    }
  }
}
