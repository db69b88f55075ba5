/** Lazy pagination: a list operation returns a {@link io.databricks4j.paging.PagedIterable}. */
package io.databricks4j.paging;
