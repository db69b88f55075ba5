package io.databricks4j.auth.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Local servers standing in for a cloud's services, shared by the tests of one class. Put the
 * instance in a static {@code @RegisterExtension} field: it is reset before every test, so no test
 * sees the routes or requests of another, and closed after the last.
 */
public interface LocalServices extends BeforeEachCallback, AfterAllCallback, AutoCloseable {

  /** Routes back to their defaults and recorded requests forgotten. */
  void reset();

  @Override
  void close();

  @Override
  default void beforeEach(ExtensionContext context) {
    reset();
  }

  @Override
  default void afterAll(ExtensionContext context) {
    close();
  }
}
