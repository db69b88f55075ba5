/**
 * DEBUG logging of HTTP traffic on the SLF4J logger {@code io.databricks4j}: request and response
 * lines, JSON bodies truncated and with secrets redacted, headers only when asked for. Nothing is
 * formatted, and no stream is read, unless DEBUG is enabled. Everything is non-null unless stated
 * otherwise.
 */
package io.databricks4j.core.logging;
