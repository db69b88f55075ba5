package io.databricks4j.testkit.spi;

/**
 * A SQL engine behind one local workspace. Unity Catalog calls the definition methods after it
 * changed its own records, so an engine never reports those changes back; an engine answers
 * {@link #execute} with the rows and with what the statement changed in the catalog.
 *
 * <p>Implementations are called from several threads at once.
 */
public interface SqlEngine extends AutoCloseable {

  /** Makes {@code catalog} usable from SQL; a catalog that already exists is left as it is. */
  void createCatalog(String catalog);

  /** Drops a catalog with everything in it; an unknown one is ignored. */
  void dropCatalog(String catalog);

  /** Gives a catalog a new name; its schemas and tables go with it. */
  void renameCatalog(String from, String to);

  void createSchema(String catalog, String schema);

  /** Drops a schema with its tables; an unknown one is ignored. */
  void dropSchema(String catalog, String schema);

  void renameSchema(String catalog, String from, String to);

  /** Creates a table (or a view) with the given columns; one that already exists is replaced. */
  void createTable(SqlTable table);

  /** Drops a table or view; an unknown one is ignored. */
  void dropTable(String catalog, String schema, String name);

  void renameTable(String catalog, String schema, String from, String to);

  /**
   * Runs one statement to its end and answers its rows and its catalog changes.
   *
   * @throws SqlException when the statement fails or was cancelled
   */
  SqlResult execute(SqlStatement statement);

  /** Stops the statement of that id if it is running; nothing happens otherwise. */
  void cancel(String statementId);

  /** Frees the engine's memory; the engine is not used afterwards. */
  @Override
  void close();
}
