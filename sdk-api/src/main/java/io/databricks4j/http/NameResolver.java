package io.databricks4j.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves host names for a transport. The default asks the JVM ({@link InetAddress#getAllByName});
 * tests give one that maps names to loopback, so that a client of {@code https://x.cloud.databricks.com}
 * reaches a local server.
 */
@FunctionalInterface
public interface NameResolver {

  /** The JVM's resolver; one instance, so that a transport can tell it from a custom one with {@code ==}. */
  NameResolver SYSTEM = InetAddress::getAllByName;

  /** The JVM's resolver, {@link #SYSTEM}. */
  static NameResolver system() {
    return SYSTEM;
  }

  /**
   * The addresses of {@code host}, tried in order.
   *
   * @throws UnknownHostException when the name does not resolve
   */
  InetAddress[] resolve(String host) throws UnknownHostException;
}
