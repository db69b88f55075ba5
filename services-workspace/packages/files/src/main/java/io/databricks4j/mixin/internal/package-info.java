/** Helpers of the hand-written services; not API, may change without notice. */
package io.databricks4j.mixin.internal;
