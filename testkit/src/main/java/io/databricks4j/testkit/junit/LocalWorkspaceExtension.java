package io.databricks4j.testkit.junit;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.account.AccountClient;
import io.databricks4j.testkit.LocalWorkspace;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives each test class one {@link LocalWorkspace}, closed after the class, and before each test
 * method puts it back in its fresh state ({@link WorkspaceState#PER_METHOD}, the default) unless
 * the class asks to share it ({@link LocalWorkspaceTest#state()}, {@link #withState}). Injects
 * parameters of constructors, lifecycle and test methods: {@code LocalWorkspace},
 * {@code WorkspaceClient} and {@code AccountClient} (one of each per class, closed after it), and
 * {@code String}s annotated {@link EmulatorHost} or {@link EmulatorToken}. Sets the fault plan of
 * {@link Fault} annotations before a method and clears it after. Nested classes share the
 * workspace of their outer class.
 *
 * <pre>{@code
 * @LocalWorkspaceTest
 * class ClustersTest {
 *   @Test void creates(WorkspaceClient w) { ... }
 * }
 *
 * class Configured {
 *   @RegisterExtension
 *   static LocalWorkspaceExtension local = new LocalWorkspaceExtension(LocalWorkspace.builder().pageSize(2))
 *       .withState(WorkspaceState.PER_CLASS);
 * }
 * }</pre>
 */
public final class LocalWorkspaceExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
    ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalWorkspaceExtension.class);
  private static final String FAULTS_SET = "faults-set";

  private final LocalWorkspace.Builder builder;
  private final WorkspaceState state;
  private volatile LocalWorkspace current;

  /** Workspaces with the default settings. */
  public LocalWorkspaceExtension() {
    this(LocalWorkspace.builder());
  }

  /** Workspaces started from {@code builder}. */
  public LocalWorkspaceExtension(LocalWorkspace.Builder builder) {
    this(builder, null);
  }

  private LocalWorkspaceExtension(LocalWorkspace.Builder builder, WorkspaceState state) {
    this.builder = Objects.requireNonNull(builder, "builder");
    this.state = state;
  }

  /** The same extension with {@code state}, which wins over the {@link LocalWorkspaceTest} of the class. */
  public LocalWorkspaceExtension withState(WorkspaceState state) {
    return new LocalWorkspaceExtension(builder, Objects.requireNonNull(state, "state"));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    current = workspace(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    LocalWorkspace ws = workspace(context);
    if (state(context) == WorkspaceState.PER_METHOD) {
      ws.reset();
    }
    List<AnnotatedElement> nearestFirst = new ArrayList<>();
    context.getTestMethod().ifPresent(nearestFirst::add);
    nearestFirst.addAll(classes(context));
    FaultAnnotations.find(nearestFirst).ifPresent(faults -> {
      faults.applyTo(ws.faults());
      context.getStore(NAMESPACE).put(FAULTS_SET, Boolean.TRUE);
    });
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getStore(NAMESPACE).remove(FAULTS_SET) != null) {
      workspace(context).faults().clear();
    }
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
    Class<?> type = parameter.getParameter().getType();
    if (type == String.class) {
      return parameter.isAnnotated(EmulatorHost.class) || parameter.isAnnotated(EmulatorToken.class);
    }
    return type == LocalWorkspace.class || type == WorkspaceClient.class || type == AccountClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Started started = started(context);
    if (type == WorkspaceClient.class) {
      return started.client();
    }
    if (type == AccountClient.class) {
      return started.accountClient();
    }
    if (type == String.class) {
      return parameter.isAnnotated(EmulatorHost.class) ? started.workspace.host() : started.workspace.token();
    }
    return started.workspace;
  }

  private LocalWorkspace workspace(ExtensionContext context) {
    return started(context).workspace;
  }

  /** The workspace of the outermost test class, started at the first need. */
  private Started started(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getParent().isPresent() && classContext.getParent().get().getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    Started started = classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent(Started.class, k -> new Started(builder.start()), Started.class);
    current = started.workspace;
    return started;
  }

  private WorkspaceState state(ExtensionContext context) {
    if (state != null) {
      return state;
    }
    for (Class<?> c : classes(context)) {
      var annotation = AnnotationSupport.findAnnotation(c, LocalWorkspaceTest.class);
      if (annotation.isPresent()) {
        return annotation.get().state();
      }
    }
    return WorkspaceState.PER_METHOD;
  }

  /** The test class and the classes that enclose it, nearest first. */
  private static List<Class<?>> classes(ExtensionContext context) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      out.add(c);
    }
    return out;
  }

  /** The workspace of a class and its clients; closed when JUnit closes the class's store. */
  @SuppressWarnings("deprecation")
  private static final class Started implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final LocalWorkspace workspace;
    private WorkspaceClient client;
    private AccountClient accountClient;

    Started(LocalWorkspace workspace) {
      this.workspace = workspace;
    }

    synchronized WorkspaceClient client() {
      if (client == null) {
        client = workspace.client();
      }
      return client;
    }

    synchronized AccountClient accountClient() {
      if (accountClient == null) {
        accountClient = workspace.accountClient();
      }
      return accountClient;
    }

    @Override
    public synchronized void close() {
      try {
        if (client != null) {
          client.close();
        }
        if (accountClient != null) {
          accountClient.close();
        }
      } finally {
        workspace.close();
      }
    }
  }
}
