package io.databricks4j.auth;

import java.util.List;

/**
 * Declares the configuration attributes of a plug-in. Found by {@link java.util.ServiceLoader}
 * (register in {@code META-INF/services/io.databricks4j.auth.AttributeProvider} and with {@code
 * provides} in {@code module-info}) when a configuration is resolved, before any credential
 * strategy is loaded, so keep the class apart from the strategy and free of library classes: a
 * constant list, no I/O.
 *
 * <p>A name, environment variable or profile key that collides with a built-in attribute or with
 * another provider's is a configuration error naming both.
 */
@FunctionalInterface
public interface AttributeProvider {

  /** The attributes this plug-in reads. */
  List<AttributeSpec> attributes();
}
