package io.databricks4j.testkit.internal.http;

import java.io.IOException;

/** The emulation of one operation. */
@FunctionalInterface
public interface Handler {
  Reply handle(Call call) throws IOException;
}
