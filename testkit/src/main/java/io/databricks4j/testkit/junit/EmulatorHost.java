package io.databricks4j.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the host of the local workspace ({@code http://127.0.0.1:<port>}) into a {@code String}
 * parameter, for a client that is not the Java SDK (a child process, another SDK, Terraform).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EmulatorHost {
}
