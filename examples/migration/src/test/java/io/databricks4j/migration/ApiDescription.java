package io.databricks4j.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The facts the guide is generated from: codegen/api/*.json and codegen/mixins.json. */
final class ApiDescription {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One service as the description states it. */
  record Service(String pkg, String level, String name, String className, String accessor, String officialAccessor,
      String parent, String officialMixin) {
    boolean isAccount() {
      return level.equals("account");
    }
  }

  /** One model type: its fields' Java names (and wire names), or its enum constants. */
  record Type(String pkg, String name, boolean isEnum, List<String> members, List<String> wireNames) {}

  final List<Service> services = new ArrayList<>();
  final List<Type> types = new ArrayList<>();
  /** Our generated class name -> the hand-written subclass the client hands out. */
  final Map<String, String> mixins = new TreeMap<>();

  static ApiDescription load(Path apiDir, Path mixinsFile) {
    ApiDescription d = new ApiDescription();
    try (Stream<Path> files = Files.list(apiDir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = JSON.readTree(f.toFile());
        if (!root.has("services")) {
          continue;
        }
        String pkg = root.get("name").asText();
        for (JsonNode s : root.get("services")) {
          if (s.has("inherited_by")) {
            continue; // its operations are folded into another service
          }
          d.services.add(new Service(pkg, s.get("level").asText(), s.get("name").asText(), s.get("class_name").asText(),
              s.get("accessor").asText(), s.get("official_accessor").asText(), s.path("parent").asText(null),
              s.path("official_mixin").asText(null)));
        }
        root.get("types").forEach(t -> {
          boolean isEnum = t.get("kind").asText().equals("enum");
          List<String> members = new ArrayList<>();
          List<String> wire = new ArrayList<>();
          t.path(isEnum ? "values" : "fields").forEach(m -> {
            members.add(m.get("name").asText());
            wire.add(m.path(isEnum ? "wire" : "wire_name").asText());
          });
          d.types.add(new Type(pkg, t.get("name").asText(), isEnum, members, wire));
        });
      }
      JSON.readTree(mixinsFile.toFile()).properties().forEach(e -> d.mixins.put(e.getKey(), e.getValue().asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return d;
  }

  Service byQualifiedName(String pkgDotName) {
    String[] p = pkgDotName.split("\\.");
    return services.stream().filter(s -> s.pkg().equals(p[0]) && s.name().equals(p[1])).findFirst()
        .orElseThrow(() -> new IllegalStateException("no service " + pkgDotName));
  }
}
