package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hears of the catalogs, schemas and tables that the Unity Catalog REST API created, renamed or
 * deleted, after the change; called outside the catalog's lock.
 */
public interface CatalogListener {
  CatalogListener NONE = new CatalogListener() {
  };

  /** @param kind {@code catalog}, {@code schema} or {@code table}; info is a copy of the record */
  default void created(String kind, ObjectNode info) {
  }

  default void renamed(String kind, String oldFullName, String newFullName) {
  }

  /** A delete also removed the children of a catalog or schema. */
  default void deleted(String kind, String fullName) {
  }
}
