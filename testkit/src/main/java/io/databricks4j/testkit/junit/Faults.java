package io.databricks4j.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Several {@link Fault} rules, tried in order (the first whose path matches decides), with the
 * seed of their sequences: the same seed gives the same faults on every run.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Faults {
  Fault[] value();

  long seed() default 0;
}
