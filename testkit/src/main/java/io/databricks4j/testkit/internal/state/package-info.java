/**
 * What a local workspace holds as plain JSON: snapshots that {@code reset()} goes back to and that
 * a state directory keeps across restarts. Not exported.
 */
package io.databricks4j.testkit.internal.state;
