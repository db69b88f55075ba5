package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.spi.SqlException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB's errors as the service words them: the Databricks error class and SQLSTATE first, then
 * what DuckDB said, with DuckDB database names turned back into catalog names.
 */
final class Errors {
  private static final Pattern ENGINE_NAME = Pattern.compile("\\buc_[A-Za-z0-9_]+");

  /** DuckDB's message prefix, the Databricks error class and SQLSTATE, and what to say first. */
  private static final String[][] CLASSES = {
      {"Catalog Error: Table with name .* does not exist", "TABLE_OR_VIEW_NOT_FOUND", "42P01",
          "The table or view cannot be found. Verify the spelling, and the catalog and schema of the statement."},
      {"Catalog Error: .* with name .* already exists", "TABLE_OR_VIEW_ALREADY_EXISTS", "42P07",
          "The object already exists. Choose another name, drop it first, or add IF NOT EXISTS."},
      {"Catalog Error: Schema with name .* does not exist", "SCHEMA_NOT_FOUND", "42704",
          "The schema cannot be found. Create it through Unity Catalog or with CREATE SCHEMA."},
      {"Catalog Error: SET schema", "SCHEMA_NOT_FOUND", "42704",
          "The schema cannot be found. Create it through Unity Catalog or with CREATE SCHEMA."},
      {"Binder Error: Catalog .* does not exist", "NO_SUCH_CATALOG_EXCEPTION", "42704",
          "The catalog cannot be found. Create it through Unity Catalog or with CREATE CATALOG."},
      {"Catalog Error: .*Function with name .* does not exist", "UNRESOLVED_ROUTINE", "42883",
          "The function cannot be found (the testkit runs DuckDB's functions)."},
      {"Binder Error: Referenced column .* not found", "UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703",
          "A column cannot be resolved."},
      {"Binder Error: .*(column|Column).* not found", "UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703",
          "A column cannot be resolved."},
      {"Parser Error:", "PARSE_SYNTAX_ERROR", "42601", "Syntax error."},
      {"Conversion Error:", "CAST_INVALID_INPUT", "22018", "A value cannot be cast to the type."},
      {"Out of Range Error:", "ARITHMETIC_OVERFLOW", "22003", "A value is out of the range of its type."},
      {"Constraint Error:", "CONSTRAINT_VIOLATION", "23000", "A constraint is violated."},
  };
  private static final Pattern[] PATTERNS = new Pattern[CLASSES.length];

  static {
    for (int i = 0; i < CLASSES.length; i++) {
      PATTERNS[i] = Pattern.compile(CLASSES[i][0], Pattern.DOTALL);
    }
  }

  private Errors() {
  }

  static SqlException translate(SQLException e, CatalogNames names) {
    String said = catalogNames(firstLine(e.getMessage()), names);
    for (int i = 0; i < CLASSES.length; i++) {
      if (PATTERNS[i].matcher(said).lookingAt()) {
        return SqlException.badRequest(CLASSES[i][2], "[" + CLASSES[i][1] + "] " + CLASSES[i][3] + " DuckDB: " + said);
      }
    }
    return SqlException.badRequest("42000", "The SQL engine of the testkit (DuckDB) refused the statement: " + said);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int lineInfo = message.indexOf("\n\nLINE ");
    String text = lineInfo < 0 ? message : message.substring(0, lineInfo);
    return text.replace('\n', ' ').trim();
  }

  private static String catalogNames(String text, CatalogNames names) {
    Matcher m = ENGINE_NAME.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String catalog = names.catalog(m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(catalog != null ? catalog : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
