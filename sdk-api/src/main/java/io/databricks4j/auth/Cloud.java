package io.databricks4j.auth;

/** The cloud a workspace runs on. */
public enum Cloud {
  AWS,
  AZURE,
  GCP
}
