package io.databricks4j.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fault rule for the requests of one test method (on the method) or of every method of a class
 * (on the class), as {@link io.databricks4j.testkit.FaultRule} builds it; set before the method
 * runs and cleared after it. Rules on a method replace those on its class. Percentages are from
 * 0 to 100; every fault is off unless set.
 *
 * <pre>{@code
 * @Test
 * @Fault(path = "/api/2\\.1/clusters/.*", unavailable = 50, limit = 2)
 * void retriesThrough503(WorkspaceClient w) { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Faults.class)
public @interface Fault {
  /** The paths it applies to, a regular expression matched in full; every path by default. */
  String path() default ".*";

  /** Only these HTTP methods; all by default. */
  String[] methods() default {};

  /** Percentage answered 429 with {@code Retry-After}. */
  double tooManyRequests() default 0;

  /** The {@code Retry-After} of the 429 answers, in seconds. */
  int retryAfterSeconds() default 1;

  /** Percentage answered 503 TEMPORARILY_UNAVAILABLE. */
  double unavailable() default 0;

  /** Percentage whose connection is closed without an answer. */
  double connectionReset() default 0;

  /** Delay added to every matching request, in milliseconds. */
  long latencyMillis() default 0;

  /** The most faults injected, then requests pass; 0 for no limit. */
  long limit() default 0;
}
