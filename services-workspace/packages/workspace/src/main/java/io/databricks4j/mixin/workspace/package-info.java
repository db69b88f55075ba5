/**
 * Hand-written additions to the generated {@code workspace} services: notebook and file upload and
 * download in every format, and recursive listing ({@link io.databricks4j.mixin.workspace.WorkspaceExt}).
 * Everything is non-null unless stated otherwise.
 */
package io.databricks4j.mixin.workspace;
