package io.databricks4j.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON mapping of databricks4j: unknown fields ignored, nulls omitted. Generated enums are
 * open (a value added to the API later is read and written back unchanged), so no enum setting is
 * needed here.
 */
public final class Json {
  private static final ObjectMapper MAPPER = configure(new ObjectMapper());

  private Json() {}

  /** The shared, thread-safe mapper. Do not reconfigure it; {@code copy()} it instead. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Applies databricks4j's settings to a mapper of your own. */
  public static ObjectMapper configure(ObjectMapper m) {
    return m.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
        // null fields are left out, but a null inside a map is kept: it clears a key (workspace conf)
        .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
  }
}
