/** Azure Identity plumbing shared by the strategies; not exported. */
package io.databricks4j.auth.azure.internal;
