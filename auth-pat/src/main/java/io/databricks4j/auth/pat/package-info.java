/** The {@code pat} and {@code basic} strategies; they need nothing but the JDK. */
package io.databricks4j.auth.pat;
