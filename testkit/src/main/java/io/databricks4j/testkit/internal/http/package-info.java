/** Requests, replies and errors of the emulated operations. Not exported. */
package io.databricks4j.testkit.internal.http;
