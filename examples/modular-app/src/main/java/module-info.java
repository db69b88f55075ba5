/**
 * A modular application: it requires the workspace client and the one API package it calls.
 * auth-pat is not required: it provides a credentials strategy that sdk-core {@code uses}, so
 * the module system binds it whenever it is on the module path.
 */
module io.databricks4j.examples.modular {
  requires io.databricks4j.services.workspace.client;
  requires io.databricks4j.service.compute;
}
