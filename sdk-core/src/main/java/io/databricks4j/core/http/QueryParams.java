package io.databricks4j.core.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query parameters for a Feign {@code @QueryMap}, written the way the official SDKs write them:
 * null values are skipped, a collection repeats the name, booleans are {@code true}/{@code false},
 * enums are their Jackson wire value ({@code @JsonProperty}/{@code @JsonValue}: a generated open
 * enum writes the value it was read with, known to this SDK or not), numbers are plain
 * ({@code 10000000000}, never {@code 1.0E10}) and nested objects are flattened to
 * {@code parent.child=value}.
 *
 * <pre>{@code QueryParams.create().add("cluster_id", id).add("states", states).toMap()}</pre>
 */
public final class QueryParams {
  /** Made when a value other than a string, a boolean or an integer is first flattened. */
  private static final class Mapper {
    static final ObjectMapper MAPPER = new ObjectMapper()
        .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  private final Map<String, List<String>> params = new LinkedHashMap<>();

  private QueryParams() {}

  public static QueryParams create() {
    return new QueryParams();
  }

  /** Adds {@code value} under its wire name; null adds nothing. */
  public QueryParams add(String wireName, Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof BigInteger) {
      params.computeIfAbsent(wireName, k -> new ArrayList<>(1)).add(value.toString()); // as Jackson would write it
    } else if (value != null) {
      flatten(wireName, Mapper.MAPPER.valueToTree(value));
    }
    return this;
  }

  private void flatten(String name, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      node.properties().forEach(f -> flatten(name + "." + f.getKey(), f.getValue()));
    } else if (node.isArray()) {
      node.forEach(item -> flatten(name, item));
    } else {
      String text = node.isIntegralNumber() ? node.bigIntegerValue().toString()
          : node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString()
          : node.asText();
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(text);
    }
  }

  /** Name to value: a {@code String}, or a {@code List<String>} for a repeated name. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, v.size() == 1 ? v.get(0) : List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }
}
