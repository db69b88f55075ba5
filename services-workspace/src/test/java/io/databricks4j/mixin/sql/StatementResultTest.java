package io.databricks4j.mixin.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.service.sql.ColumnInfo;
import io.databricks4j.service.sql.ColumnInfoTypeName;
import io.databricks4j.service.sql.ResultData;
import io.databricks4j.service.sql.ResultManifest;
import io.databricks4j.service.sql.ResultSchema;
import io.databricks4j.service.sql.ServiceError;
import io.databricks4j.service.sql.ServiceErrorCode;
import io.databricks4j.service.sql.StatementExecutionApi;
import io.databricks4j.service.sql.StatementResponse;
import io.databricks4j.service.sql.StatementState;
import io.databricks4j.service.sql.StatementStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementResultTest {
  private static ColumnInfo column(String name, ColumnInfoTypeName type, String text) {
    return ColumnInfo.builder().name(name).typeName(type).typeText(text).build();
  }

  private static StatementResponse succeeded(List<ColumnInfo> columns, long chunks, ResultData first) {
    return StatementResponse.builder().statementId("s1")
        .status(StatementStatus.builder().state(StatementState.SUCCEEDED).build())
        .manifest(ResultManifest.builder().totalChunkCount(chunks).totalRowCount(3L)
            .schema(ResultSchema.builder().columnCount((long) columns.size()).columns(columns).build()).build())
        .result(first).build();
  }

  private static ResultData chunk(long index, Long next, List<List<String>> rows) {
    return ResultData.builder().chunkIndex(index).nextChunkIndex(next).dataArray(rows).build();
  }

  @Test
  void valuesAreConvertedByTheManifestTypes() {
    List<ColumnInfo> columns = List.of(column("i", ColumnInfoTypeName.INT, "INT"),
        column("l", ColumnInfoTypeName.LONG, "BIGINT"), column("d", ColumnInfoTypeName.DECIMAL, "DECIMAL(10,2)"),
        column("day", ColumnInfoTypeName.DATE, "DATE"), column("at", ColumnInfoTypeName.TIMESTAMP, "TIMESTAMP"),
        column("local", null, "TIMESTAMP_NTZ"), column("ok", ColumnInfoTypeName.BOOLEAN, "BOOLEAN"),
        column("x", ColumnInfoTypeName.DOUBLE, "DOUBLE"), column("tags", ColumnInfoTypeName.ARRAY, "ARRAY<STRING>"),
        column("who", ColumnInfoTypeName.STRUCT, "STRUCT<name: STRING, age: INT>"),
        column("bin", ColumnInfoTypeName.BINARY, "BINARY"), column("s", ColumnInfoTypeName.STRING, "STRING"),
        column("none", ColumnInfoTypeName.INT, "INT"));
    List<String> values = Arrays.asList("2", "10000000000", "1.50", "2024-01-31", "2024-01-31T10:15:30.250Z",
        "2024-01-31T10:15:30", "true", "1.0E10", "[\"a\",\"b\"]", "{\"name\":\"ann\",\"age\":7}", "aGk=", "text", null);
    StatementResult r = new StatementResult(mock(StatementExecutionApi.class),
        succeeded(columns, 1, chunk(0, null, List.of(values))));

    StatementRow row = r.rows().get(0);

    assertThat(row.asList()).containsExactly(2, 10000000000L, new BigDecimal("1.50"), LocalDate.of(2024, 1, 31),
        Instant.parse("2024-01-31T10:15:30.250Z"), LocalDateTime.of(2024, 1, 31, 10, 15, 30), true, 1.0E10,
        List.of("a", "b"), Map.of("name", "ann", "age", 7), "hi".getBytes(), "text", null);
    assertThat(row.get("d", BigDecimal.class)).isEqualByComparingTo("1.5");
    assertThat(row.getString("at")).isEqualTo("2024-01-31T10:15:30.250Z");
    assertThat(row.asMap()).containsEntry("i", 2).containsEntry("none", null).hasSize(13);
    assertThatThrownBy(() -> row.get("i", String.class)).isInstanceOf(ClassCastException.class)
        .hasMessageContaining("Integer");
    assertThatThrownBy(() -> row.get("nope")).hasMessageContaining("[i, l, d");
  }

  @Test
  void timestampsWithOffsetsOrSpacesAreInstantsInUtc() {
    ColumnInfo at = column("at", ColumnInfoTypeName.TIMESTAMP, "TIMESTAMP");
    assertThat(SqlValues.convert(at, "2024-01-31 12:15:30+02:00")).isEqualTo(Instant.parse("2024-01-31T10:15:30Z"));
    assertThat(SqlValues.convert(at, "2024-01-31 10:15:30")).isEqualTo(Instant.parse("2024-01-31T10:15:30Z"));
    assertThatThrownBy(() -> SqlValues.convert(at, "yesterday")).isInstanceOf(DatabricksException.class)
        .hasMessageContaining("getString");
  }

  @Test
  void iterationFetchesTheFollowingChunksAsItReachesThem() {
    StatementExecutionApi api = mock(StatementExecutionApi.class);
    List<ColumnInfo> columns = List.of(column("n", ColumnInfoTypeName.INT, "INT"));
    when(api.getStatementResultChunkN("s1", 1L)).thenReturn(chunk(1, 2L, List.of(List.of("2"))));
    when(api.getStatementResultChunkN("s1", 2L)).thenReturn(chunk(2, null, List.of(List.of("3"))));
    StatementResult r = new StatementResult(api, succeeded(columns, 3, chunk(0, 1L, List.of(List.of("1")))));

    List<Object> seen = new ArrayList<>();
    for (StatementRow row : r) {
      seen.add(row.get(0));
    }
    List<Integer> sizes = new ArrayList<>();
    r.chunks().forEach(c -> sizes.add(c.size()));

    assertThat(seen).containsExactly(1, 2, 3);
    assertThat(sizes).containsExactly(1, 1, 1);
    assertThat(r.stream().map(row -> row.get("n")).toList()).containsExactly(1, 2, 3);
    verify(api, times(3)).getStatementResultChunkN("s1", 2L);
  }

  @Test
  void aResultWithoutRowsHasNoChunksAndAsksForNone() {
    StatementExecutionApi api = mock(StatementExecutionApi.class);
    StatementResult r = new StatementResult(api, succeeded(List.of(), 0, null));

    assertThat(r.rows()).isEmpty();
    assertThat(r.columns()).isEmpty();
    verify(api, times(0)).getStatementResultChunkN("s1", 0L);
  }

  @Test
  void aFailedStatementBecomesAnExceptionWithItsError() {
    StatementExecutionExt ext = mock(StatementExecutionExt.class, org.mockito.Mockito.CALLS_REAL_METHODS);
    StatementResponse failed = StatementResponse.builder().statementId("s2")
        .status(StatementStatus.builder().state(StatementState.FAILED).sqlState("42P01")
            .error(ServiceError.builder().errorCode(ServiceErrorCode.BAD_REQUEST)
                .message("[TABLE_OR_VIEW_NOT_FOUND] nope").build()).build()).build();

    assertThatThrownBy(() -> ext.result(failed)).isInstanceOfSatisfying(StatementFailedException.class, e -> {
      assertThat(e.state()).isEqualTo("FAILED");
      assertThat(e.errorCode()).contains("BAD_REQUEST");
      assertThat(e.sqlState()).contains("42P01");
      assertThat(e.getMessage()).contains("s2").contains("TABLE_OR_VIEW_NOT_FOUND");
    });
  }
}
