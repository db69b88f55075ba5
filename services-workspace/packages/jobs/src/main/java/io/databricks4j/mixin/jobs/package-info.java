/**
 * Hand-written additions to the generated {@code jobs} service: jobs and runs with every task,
 * iteration, job cluster, parameter and environment, however many pages they take
 * ({@link io.databricks4j.mixin.jobs.JobsExt}). Everything is non-null unless stated otherwise.
 */
package io.databricks4j.mixin.jobs;
