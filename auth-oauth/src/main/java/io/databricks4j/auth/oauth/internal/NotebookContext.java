package io.databricks4j.auth.oauth.internal;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The command context of a Databricks notebook or job, read by reflection from the {@code dbutils}
 * the Databricks Runtime installs on the driver: its {@code apiUrl} (the workspace) and {@code
 * apiToken} (a short-lived token of the user running the command). Nothing of the runtime is on
 * our compile class path, so outside the runtime this finds nothing, and the {@code runtime}
 * strategy does not apply.
 *
 * <p>The layout read (facts of the runtime, also relied on by the official Java SDK): the Scala
 * object {@code com.databricks.dbutils_v1.DBUtilsHolder$} (its {@code MODULE$}), whose field {@code
 * dbutils0} is an {@link InheritableThreadLocal} holding the dbutils of the command's thread; its
 * field {@code notebook}; {@code notebook.getContext()}; and {@code apiUrl()} and {@code apiToken()}
 * on the context, each a Scala {@code Option} read with {@code get()}.
 */
final class NotebookContext {
  static final String RUNTIME_VERSION = "DATABRICKS_RUNTIME_VERSION";
  static final String HOLDER = "com.databricks.dbutils_v1.DBUtilsHolder$";

  private final Object notebook;

  private NotebookContext(Object notebook) {
    this.notebook = notebook;
  }

  /**
   * The context of the current thread's command, or empty outside the Databricks Runtime: no
   * {@code DATABRICKS_RUNTIME_VERSION}, no dbutils on the class path, or none on this thread.
   *
   * @throws CredentialsException when the runtime's dbutils is there but cannot be read (a runtime
   *     whose layout changed)
   */
  static Optional<NotebookContext> find(ConfigView config) {
    String version = config.environment().get(RUNTIME_VERSION);
    if (version == null || version.isBlank()) {
      return Optional.empty();
    }
    Optional<Class<?>> holder = holderClass();
    if (holder.isEmpty()) {
      return Optional.empty();
    }
    try {
      Object module = holder.get().getField("MODULE$").get(null);
      Object local = field(module, "dbutils0");
      Object dbutils = local instanceof ThreadLocal<?> t ? t.get() : null;
      if (dbutils == null) {
        return Optional.empty();
      }
      return Optional.of(new NotebookContext(field(dbutils, "notebook")));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw unreadable(e);
    }
  }

  /** The workspace URL of the context, if it has one. */
  Optional<String> apiUrl() {
    return option("apiUrl");
  }

  /** The API token of the context, read anew each time: the runtime renews it. */
  String apiToken() {
    return option("apiToken").filter(t -> !t.isBlank()).orElseThrow(() -> new CredentialsException(
        "runtime: the notebook context has no API token; run the code in a notebook or job of the workspace"));
  }

  private Optional<String> option(String name) {
    try {
      Object context = invoke(notebook, "getContext");
      Object option = invoke(context, name);
      return Optional.ofNullable((String) invoke(option, "get"));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof NoSuchElementException) {
        return Optional.empty(); // None
      }
      throw unreadable(e);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw unreadable(e);
    }
  }

  /** The holder class through the thread's class loader (a notebook's), else ours. */
  private static Optional<Class<?>> holderClass() {
    for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
        NotebookContext.class.getClassLoader(), ClassLoader.getSystemClassLoader()}) {
      if (loader == null) {
        continue;
      }
      try {
        return Optional.of(Class.forName(HOLDER, true, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        // try the next loader
      }
    }
    return Optional.empty();
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(target.getClass().getName() + "." + name);
  }

  private static Object invoke(Object target, String name) throws ReflectiveOperationException {
    Method m = target.getClass().getMethod(name);
    m.setAccessible(true);
    return m.invoke(target);
  }

  private static CredentialsException unreadable(Exception e) {
    Throwable cause = e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
    return new CredentialsException("runtime: this Databricks Runtime's notebook context cannot be read ("
        + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
        + "); set host and token (or another auth_type) instead", e);
  }

  @Override
  public String toString() {
    return "NotebookContext";
  }
}
