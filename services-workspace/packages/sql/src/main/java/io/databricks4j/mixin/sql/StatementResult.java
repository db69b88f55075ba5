package io.databricks4j.mixin.sql;

import io.databricks4j.service.sql.ColumnInfo;
import io.databricks4j.service.sql.ResultData;
import io.databricks4j.service.sql.ResultManifest;
import io.databricks4j.service.sql.StatementExecutionApi;
import io.databricks4j.service.sql.StatementResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The result of a SUCCEEDED statement (INLINE, JSON_ARRAY): its columns and its rows, typed by
 * {@link StatementRow}. Iterating fetches the chunks after the first one as it reaches them, one
 * request each; each iteration starts again from the first chunk.
 */
public final class StatementResult implements Iterable<StatementRow> {
  private final StatementExecutionApi api;
  private final String statementId;
  private final ResultManifest manifest;
  private final ResultData first;
  private final List<ColumnInfo> columns;
  private final Map<String, Integer> positions = new LinkedHashMap<>();

  StatementResult(StatementExecutionApi api, StatementResponse response) {
    this.api = api;
    this.statementId = response.statementId();
    this.manifest = response.manifest();
    this.first = response.result();
    List<ColumnInfo> cols = manifest == null || manifest.schema() == null || manifest.schema().columns() == null
        ? List.of() : manifest.schema().columns();
    this.columns = List.copyOf(cols);
    for (int i = 0; i < columns.size(); i++) {
      positions.putIfAbsent(columns.get(i).name(), i);
    }
  }

  public String statementId() {
    return statementId;
  }

  /** The columns, in order; empty for a statement without a result set. */
  public List<ColumnInfo> columns() {
    return columns;
  }

  /** The rows the service holds for this result; 0 when it gave none. */
  public long totalRowCount() {
    return manifest == null || manifest.totalRowCount() == null ? 0 : manifest.totalRowCount();
  }

  /** Whether the service left rows out because of {@code row_limit} or {@code byte_limit}. */
  public boolean truncated() {
    return manifest != null && Boolean.TRUE.equals(manifest.truncated());
  }

  /** The rows chunk by chunk, each chunk fetched when the iteration reaches it. */
  public Iterable<List<StatementRow>> chunks() {
    return ChunkIterator::new;
  }

  @Override
  public Iterator<StatementRow> iterator() {
    Iterator<List<StatementRow>> chunks = new ChunkIterator();
    return new Iterator<>() {
      private Iterator<StatementRow> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && chunks.hasNext()) {
          current = chunks.next().iterator();
        }
        return current.hasNext();
      }

      @Override
      public StatementRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  public Stream<StatementRow> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /** Every row, fetching every chunk. */
  public List<StatementRow> rows() {
    List<StatementRow> rows = new ArrayList<>();
    forEach(rows::add);
    return rows;
  }

  private List<StatementRow> rowsOf(ResultData data) {
    List<StatementRow> rows = new ArrayList<>();
    if (data.dataArray() != null) {
      for (List<String> values : data.dataArray()) {
        rows.add(new StatementRow(columns, positions, values));
      }
    }
    return rows;
  }

  private final class ChunkIterator implements Iterator<List<StatementRow>> {
    private ResultData next;
    private boolean started;

    @Override
    public boolean hasNext() {
      if (!started) {
        started = true;
        long chunks = manifest == null || manifest.totalChunkCount() == null ? 0 : manifest.totalChunkCount();
        next = first != null && first.dataArray() != null ? first
            : chunks > 0 ? api.getStatementResultChunkN(statementId, 0L) : null;
      }
      return next != null;
    }

    @Override
    public List<StatementRow> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ResultData current = next;
      next = current.nextChunkIndex() == null ? null : api.getStatementResultChunkN(statementId, current.nextChunkIndex());
      return rowsOf(current);
    }
  }
}
