/**
 * Lazy iteration over list operations: {@link io.databricks4j.core.paging.Paginator} turns a
 * first request and a page fetcher into a {@link io.databricks4j.core.paging.Paged}. Everything
 * is non-null unless stated otherwise.
 */
package io.databricks4j.core.paging;
