package io.databricks4j.core.http;

import io.databricks4j.http.HttpRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParamsTest {
  enum State {
    @JsonProperty("RUNNING") RUNNING_STATE,
    TERMINATED
  }

  enum Order {
    ASC;

    @JsonValue
    String wire() {
      return "ascending";
    }
  }

  /** A nested request object as the generator writes them. */
  public static final class Filter {
    @JsonProperty("created_by")
    public String createdBy = "me";

    @JsonProperty("limit")
    public Long limit = 10_000_000_000L;

    @JsonProperty("skipped")
    public String skipped;
  }

  @Test
  void writesValuesTheWayTheOfficialSdksDo() {
    Map<String, Object> q = QueryParams.create()
        .add("cluster_id", "0123")
        .add("missing", null)
        .add("active_only", true)
        .add("states", List.of(State.RUNNING_STATE, State.TERMINATED))
        .add("order", Order.ASC)
        .add("page_size", 100)
        .add("ratio", 0.5)
        .add("big", 1e10)
        .add("filter_by", new Filter())
        .add("empty", List.of())
        .toMap();
    assertThat(q).containsExactly(
        Map.entry("cluster_id", "0123"),
        Map.entry("active_only", "true"),
        Map.entry("states", List.of("RUNNING", "TERMINATED")),
        Map.entry("order", "ascending"),
        Map.entry("page_size", "100"),
        Map.entry("ratio", "0.5"),
        Map.entry("big", "10000000000"),
        Map.entry("filter_by.created_by", "me"),
        Map.entry("filter_by.limit", "10000000000"));
  }

  /** Shaped like a generated open enum: a value class whose JSON form is its wire value. */
  static final class OpenState {
    static final OpenState RUNNING = new OpenState("RUNNING");
    private final String value;

    private OpenState(String value) {
      this.value = value;
    }

    static OpenState of(String value) {
      return "RUNNING".equals(value) ? RUNNING : new OpenState(value);
    }

    @JsonValue
    String value() {
      return value;
    }
  }

  @Test
  void anOpenEnumIsWrittenAsItsWireValueKnownOrNot() {
    Map<String, Object> q = QueryParams.create()
        .add("state", OpenState.RUNNING)
        .add("states", List.of(OpenState.RUNNING, OpenState.of("HIBERNATING")))
        .toMap();
    assertThat(q).containsExactly(
        Map.entry("state", "RUNNING"),
        Map.entry("states", List.of("RUNNING", "HIBERNATING")));
  }

  @Test
  void aRequestTakesTheMapAsRepeatedParameters() {
    HttpRequest r = HttpRequest.builder("GET", "/api/2.1/jobs/list")
        .queryParams(QueryParams.create().add("id", List.of(1, 2)).add("name", "a b").toMap()).build();
    assertThat(r.pathAndQuery()).isEqualTo("/api/2.1/jobs/list?id=1&id=2&name=a%20b");
  }
}
