package io.databricks4j.auth.azure;

import io.databricks4j.auth.CredentialsStrategy;

/**
 * What the Azure strategies have alike, so that each one states only when it applies and which
 * credential it uses: its name, priority and requirement. Every request goes through the
 * configuration's {@link io.databricks4j.auth.ConfigView#http()}.
 */
abstract class AzureStrategy implements CredentialsStrategy {
  private final String name;
  private final int priority;
  private final String requirement;

  AzureStrategy(String name, int priority, String requirement) {
    this.name = name;
    this.priority = priority;
    this.requirement = requirement;
  }

  @Override
  public final String authType() {
    return name;
  }

  @Override
  public final int priority() {
    return priority;
  }

  @Override
  public final String requirement() {
    return requirement;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
