/** The {@code User-Agent} header: {@link io.databricks4j.core.useragent.UserAgent}. Everything is non-null unless stated otherwise. */
package io.databricks4j.core.useragent;
