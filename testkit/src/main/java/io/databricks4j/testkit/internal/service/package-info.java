/** The emulation of each service, on Jackson trees and in-memory state. Not exported. */
package io.databricks4j.testkit.internal.service;
