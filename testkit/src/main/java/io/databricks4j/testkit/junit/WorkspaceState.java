package io.databricks4j.testkit.junit;

/** How long the records a test makes in the local workspace live. */
public enum WorkspaceState {
  /**
   * Every test method starts from the fresh workspace ({@link io.databricks4j.testkit.LocalWorkspace#reset()}
   * before each): what a {@code @BeforeAll} method made is gone too, so set up in {@code @BeforeEach}.
   */
  PER_METHOD,
  /** The methods of a test class (and of its nested classes) share the state; the next class starts fresh. */
  PER_CLASS
}
