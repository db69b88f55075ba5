package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.spi.SqlChange;
import io.databricks4j.testkit.spi.SqlColumn;
import io.databricks4j.testkit.spi.SqlEngine;
import io.databricks4j.testkit.spi.SqlTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps Unity Catalog and the SQL engine in step: what the REST API creates, renames or deletes
 * goes to the engine; what a statement changed goes into Unity Catalog, recorded as the
 * statement's caller. A change the engine refuses is logged, not failed: the REST call that made
 * it already succeeded, and the service has no such split to report.
 */
public final class SqlCatalogSync implements CatalogListener {
  private static final System.Logger LOG = System.getLogger(SqlCatalogSync.class.getName());

  private final UnityCatalog catalog;
  private final SqlEngine engine;

  /**
   * Connects the two and gives the engine what Unity Catalog already holds. It listens first, so
   * that nothing made meanwhile is missed; the engine takes a second definition of a catalog or
   * schema as a no-op.
   */
  public SqlCatalogSync(UnityCatalog catalog, SqlEngine engine) {
    this.catalog = catalog;
    this.engine = engine;
    catalog.listener(this);
    for (String kind : List.of("catalog", "schema", "table")) {
      catalog.all(kind).forEach(info -> created(kind, info));
    }
  }

  @Override
  public void created(String kind, ObjectNode info) {
    quietly("create " + kind + " " + info.path("full_name").asText(), () -> {
      switch (kind) {
        case "catalog" -> engine.createCatalog(info.get("name").asText());
        case "schema" -> engine.createSchema(info.get("catalog_name").asText(), info.get("name").asText());
        case "table" -> {
          SqlTable table = toTable(info);
          if (!table.columns().isEmpty() && !table.type().equals("VIEW")) {
            engine.createTable(table);
          }
        }
        default -> {
        }
      }
    });
  }

  @Override
  public void renamed(String kind, String oldFullName, String newFullName) {
    String[] from = oldFullName.split("\\.");
    String[] to = newFullName.split("\\.");
    quietly("rename " + kind + " " + oldFullName, () -> {
      switch (kind) {
        case "catalog" -> engine.renameCatalog(from[0], to[0]);
        case "schema" -> engine.renameSchema(from[0], from[1], to[1]);
        case "table" -> engine.renameTable(from[0], from[1], from[2], to[2]);
        default -> {
        }
      }
    });
  }

  @Override
  public void deleted(String kind, String fullName) {
    String[] parts = fullName.split("\\.");
    quietly("drop " + kind + " " + fullName, () -> {
      switch (kind) {
        case "catalog" -> engine.dropCatalog(parts[0]);
        case "schema" -> engine.dropSchema(parts[0], parts[1]);
        case "table" -> engine.dropTable(parts[0], parts[1], parts[2]);
        default -> {
        }
      }
    });
  }

  /** Records in Unity Catalog what a statement changed, parents first. */
  public void apply(List<SqlChange> changes, String user) {
    for (SqlChange c : changes) {
      String schemaName = c.catalog() + "." + c.schema().orElse("");
      switch (c.kind()) {
        case CATALOG_CREATED -> catalog.define("catalog", c.catalog(), Json.object(), user);
        case CATALOG_DROPPED -> catalog.forget("catalog", c.catalog());
        case SCHEMA_CREATED -> catalog.define("schema", schemaName, Json.object(), user);
        case SCHEMA_DROPPED -> catalog.forget("schema", schemaName);
        case TABLE_DEFINED -> {
          SqlTable t = c.table().orElseThrow();
          if (!catalog.define("table", t.fullName(), fields(t), user)) {
            LOG.log(System.Logger.Level.DEBUG, "table {0} is in a schema Unity Catalog does not know", t.fullName());
          }
        }
        case TABLE_DROPPED -> catalog.forget("table", schemaName + "." + c.name().orElseThrow());
      }
    }
  }

  /** The Unity Catalog fields of a table SQL defined. */
  static ObjectNode fields(SqlTable t) {
    ObjectNode info = Json.object("table_type", t.type());
    if (!t.type().equals("VIEW")) {
      info.put("data_source_format", "DELTA");
    }
    ArrayNode columns = Json.array();
    int position = 0;
    for (SqlColumn col : t.columns()) {
      String text = col.typeText().toLowerCase(Locale.ROOT);
      ObjectNode c = Json.object("name", col.name(), "type_text", text, "type_name", col.typeName(),
          "position", position++, "nullable", col.nullable());
      c.put("type_json", Json.text(Json.object("name", col.name(), "type", sparkJsonType(col.typeName(), text),
          "nullable", col.nullable(), "metadata", Json.object())));
      if (col.typeName().equals("DECIMAL")) {
        c.put("type_precision", col.precision());
        c.put("type_scale", col.scale());
      }
      if (!col.comment().isEmpty()) {
        c.put("comment", col.comment());
      }
      columns.add(c);
    }
    info.set("columns", columns);
    if (!t.comment().isEmpty()) {
      info.put("comment", t.comment());
    }
    if (!t.properties().isEmpty()) {
      ObjectNode props = Json.object();
      t.properties().forEach(props::put);
      info.set("properties", props);
    }
    return info;
  }

  /** A table record of Unity Catalog as the engine takes it. */
  static SqlTable toTable(ObjectNode info) {
    List<SqlColumn> columns = new ArrayList<>();
    for (JsonNode c : info.path("columns")) {
      String typeName = c.path("type_name").asText("STRING").toUpperCase(Locale.ROOT);
      String typeText = c.path("type_text").asText(typeName);
      columns.add(new SqlColumn(c.path("name").asText(), typeName, typeText, c.path("type_precision").asInt(0),
          c.path("type_scale").asInt(0), c.path("nullable").asBoolean(true), c.path("comment").asText("")));
    }
    Map<String, String> properties = new LinkedHashMap<>();
    info.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
    return new SqlTable(info.get("catalog_name").asText(), info.get("schema_name").asText(), info.get("name").asText(),
        info.path("table_type").asText("MANAGED"), columns, info.path("comment").asText(""), properties);
  }

  private static String sparkJsonType(String typeName, String typeText) {
    return switch (typeName) {
      case "INT" -> "integer";
      case "LONG", "SHORT", "BYTE", "STRING", "DOUBLE", "FLOAT", "BOOLEAN", "DATE", "TIMESTAMP", "TIMESTAMP_NTZ",
          "BINARY" -> typeName.toLowerCase(Locale.ROOT);
      default -> typeText;
    };
  }

  private static void quietly(String what, Runnable change) {
    try {
      change.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the SQL engine could not " + what + "; SQL will not see it: " + e.getMessage());
    }
  }
}
