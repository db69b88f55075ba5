package io.databricks4j.core.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a wire method whose operation may be repeated although its HTTP method is not idempotent:
 * a {@code POST} that carries an idempotency token, or one that only reads. The pipeline then
 * retries it after a failure that leaves its outcome unknown, as it does a {@code GET}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {}
