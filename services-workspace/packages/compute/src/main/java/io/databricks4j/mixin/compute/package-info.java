/**
 * Hand-written additions to the generated {@code compute} services: choosing a Spark version and a
 * node type, and making sure a cluster runs ({@link io.databricks4j.mixin.compute.ClustersExt}).
 * Everything is non-null unless stated otherwise.
 */
package io.databricks4j.mixin.compute;
