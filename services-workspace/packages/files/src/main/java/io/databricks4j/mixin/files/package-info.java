/**
 * Hand-written additions to the generated {@code files} services: DBFS streams, uploads and
 * downloads ({@link io.databricks4j.mixin.files.DbfsExt}), and streaming, resumable, parallel
 * Files API transfers ({@link io.databricks4j.mixin.files.FilesExt}). Everything is non-null unless
 * stated otherwise.
 */
package io.databricks4j.mixin.files;
