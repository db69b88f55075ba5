package io.databricks4j.auth.azure;

import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.azure.internal.AzureTransport;

/**
 * What the Azure strategies have alike, so that each one states only when it applies and which
 * Azure Identity credential it uses: its name, priority and requirement, and the transport every
 * Azure Identity credential and our own requests go through (a seam for tests).
 */
abstract class AzureStrategy implements CredentialsStrategy {
  private final String name;
  private final int priority;
  private final String requirement;
  final AzureTransport transport;

  AzureStrategy(String name, int priority, String requirement, AzureTransport transport) {
    this.name = name;
    this.priority = priority;
    this.requirement = requirement;
    this.transport = transport;
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
}
