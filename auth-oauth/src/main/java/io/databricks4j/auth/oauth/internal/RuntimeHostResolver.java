package io.databricks4j.auth.oauth.internal;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.HostResolver;
import java.util.Optional;

/** Inside a Databricks notebook or job with no host configured: the workspace URL of the command's context. */
public final class RuntimeHostResolver implements HostResolver {

  @Override
  public String name() {
    return "databricks-runtime";
  }

  @Override
  public Optional<String> resolveHost(ConfigView config) {
    return NotebookContext.find(config).flatMap(NotebookContext::apiUrl);
  }
}
