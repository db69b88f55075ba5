/** Google Auth Library plumbing shared by the strategies; not exported. */
package io.databricks4j.auth.gcp.internal;
