package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import java.util.List;
import java.util.function.Predicate;

/** One SCIM PATCH operation on an attribute of a resource: add, remove (by value or filter) or replace. */
final class ScimPatch {
  private ScimPatch() {
  }

  /**
   * @param attr the attribute ({@code emails}), matched case-insensitively
   * @param selector the filter of {@code emails[type eq "work"]}, or null
   */
  static void apply(ObjectNode resource, String verb, String attr, String selector, JsonNode value) {
    String field = ScimDirectory.existingName(resource, attr);
    JsonNode current = resource.get(field);
    switch (verb) {
      case "remove" -> {
        if (selector != null && current != null && current.isArray()) {
          Predicate<JsonNode> match = ScimFilter.parse(selector);
          ArrayNode kept = Json.array();
          current.forEach(e -> {
            if (!match.test(e)) {
              kept.add(e);
            }
          });
          resource.set(field, kept);
        } else if (value != null && value.isArray() && current != null && current.isArray()) {
          ArrayNode kept = Json.array();
          current.forEach(e -> {
            boolean removed = false;
            for (JsonNode v : value) {
              removed |= e.path("value").asText().equals(v.path("value").asText());
            }
            if (!removed) {
              kept.add(e);
            }
          });
          resource.set(field, kept);
        } else {
          resource.remove(field);
        }
      }
      case "add" -> {
        if (current != null && current.isArray() && value != null) {
          ArrayNode merged = ((ArrayNode) current).deepCopy();
          for (JsonNode v : value.isArray() ? value : Json.array(List.of(value))) {
            boolean present = false;
            for (JsonNode e : merged) {
              present |= e.equals(v) || (v.has("value") && e.path("value").asText().equals(v.path("value").asText()));
            }
            if (!present) {
              merged.add(v.deepCopy());
            }
          }
          resource.set(field, merged);
        } else {
          resource.set(field, value == null ? null : value.deepCopy());
        }
      }
      default -> resource.set(field, value == null ? null : value.deepCopy());
    }
  }
}
