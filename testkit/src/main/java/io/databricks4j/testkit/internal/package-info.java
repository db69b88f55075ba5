/** The emulator: server, routing by the API description, state and faults. Not exported. */
package io.databricks4j.testkit.internal;
