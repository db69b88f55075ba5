package io.databricks4j.testkit.junit;

import io.databricks4j.testkit.LocalWorkspace;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class one {@link LocalWorkspace}, injected as a parameter of constructors,
 * lifecycle and test methods, and closed after the class.
 *
 * <pre>{@code
 * @ExtendWith(LocalWorkspaceExtension.class)
 * class ClustersTest {
 *   @Test void creates(LocalWorkspace ws) { ... }
 * }
 *
 * class Configured {
 *   @RegisterExtension
 *   static LocalWorkspaceExtension local = new LocalWorkspaceExtension(LocalWorkspace.builder().pageSize(2));
 * }
 * }</pre>
 */
public final class LocalWorkspaceExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalWorkspaceExtension.class);

  private final LocalWorkspace.Builder builder;
  private volatile LocalWorkspace current;

  /** Workspaces with the default settings. */
  public LocalWorkspaceExtension() {
    this(LocalWorkspace.builder());
  }

  /** Workspaces started from {@code builder}. */
  public LocalWorkspaceExtension(LocalWorkspace.Builder builder) {
    this.builder = builder;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    current = workspace(context);
  }

  /** The workspace of the running test class (for a {@code static} registered extension). */
  public LocalWorkspace workspace() {
    LocalWorkspace w = current;
    if (w == null) {
      throw new IllegalStateException("no test class of this extension is running yet");
    }
    return w;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalWorkspace.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return workspace(context);
  }

  private LocalWorkspace workspace(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getParent().isPresent() && classContext.getParent().get().getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    Started started = classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent(Started.class, k -> new Started(builder.start()), Started.class);
    current = started.workspace;
    return started.workspace;
  }

  /** Closes the workspace when JUnit closes the class's store. */
  @SuppressWarnings("deprecation")
  private static final class Started implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final LocalWorkspace workspace;

    Started(LocalWorkspace workspace) {
      this.workspace = workspace;
    }

    @Override
    public void close() {
      workspace.close();
    }
  }
}
