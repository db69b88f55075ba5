package io.databricks4j.testkit.internal.service;

import io.databricks4j.testkit.internal.http.Routes;

/** The emulation of a service: it registers a handler per operation it serves. */
public interface Emulation {
  void register(Routes routes);
}
