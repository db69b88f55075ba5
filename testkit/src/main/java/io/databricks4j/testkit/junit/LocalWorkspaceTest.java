package io.databricks4j.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a {@link io.databricks4j.testkit.LocalWorkspace} started for it: the
 * {@link LocalWorkspaceExtension} with the default settings. Test, lifecycle and constructor
 * parameters of type {@code LocalWorkspace}, {@code WorkspaceClient} and {@code AccountClient},
 * and {@code String}s annotated {@link EmulatorHost} or {@link EmulatorToken}, are injected.
 *
 * <pre>{@code
 * @LocalWorkspaceTest
 * class ClustersTest {
 *   @Test void creates(WorkspaceClient w) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalWorkspaceExtension.class)
public @interface LocalWorkspaceTest {
  /** Fresh state for every test method (the default), or shared by the methods of the class. */
  WorkspaceState state() default WorkspaceState.PER_METHOD;
}
