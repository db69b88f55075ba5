package io.databricks4j.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.databricks4j.core.Json;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  /** A body with an optional field and a map. */
  public static final class Body {
    @JsonProperty("name")
    public String name;

    @JsonProperty("conf")
    public Map<String, String> conf;
  }

  @Test
  void nullFieldsAreLeftOutButNullMapValuesAreSent() throws Exception {
    Body b = new Body();
    b.conf = new HashMap<>();
    b.conf.put("enableTokens", null);
    assertThat(Json.mapper().writeValueAsString(b)).isEqualTo("{\"conf\":{\"enableTokens\":null}}");
  }

  @Test
  void unknownFieldsAndEnumValuesAreTolerated() throws Exception {
    Body b = Json.mapper().readValue("{\"name\":\"x\",\"new_field\":[1]}", Body.class);
    assertThat(b.name).isEqualTo("x");
  }
}
