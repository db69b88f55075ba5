package io.databricks4j.benchmarks.run;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * The runtime class path an application declaring some dependencies gets, resolved with Maven's own
 * rules (nearest wins, scopes, exclusions, optional). databricks4j's modules come from this checkout
 * (their {@code target/*.jar} once built, else the local repository); everything else from the local
 * repository, downloading from Maven Central what is missing unless {@code -Dbench.offline=true}.
 */
public final class ClassPaths implements AutoCloseable {
  private static final String GROUP = "io.databricks4j";
  private final RepositorySystem system;
  private final DefaultRepositorySystemSession session;
  private final RemoteRepository central =
      new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();

  public ClassPaths(Path root) {
    this.system = new RepositorySystemSupplier().get();
    this.session = MavenRepositorySystemUtils.newSession();
    Path local = Path.of(System.getProperty("bench.m2", System.getProperty("user.home") + "/.m2/repository"));
    session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(local.toFile(), "simple")));
    session.setWorkspaceReader(new Checkout(root));
    session.setSystemProperties(System.getProperties());
    session.setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_NEVER);
    session.setOffline(Boolean.getBoolean("bench.offline"));
  }

  /** The jars of the runtime class path of an application depending on {@code coordinates} ({@code g:a:v}). */
  public List<Path> runtime(String... coordinates) {
    CollectRequest collect = new CollectRequest();
    for (String c : coordinates) {
      collect.addDependency(new Dependency(new DefaultArtifact(c), JavaScopes.COMPILE));
    }
    collect.addRepository(central);
    try {
      List<Path> jars = new ArrayList<>();
      for (ArtifactResult r : system.resolveDependencies(session,
          new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME))).getArtifactResults()) {
        jars.add(r.getArtifact().getFile().toPath());
      }
      return jars;
    } catch (DependencyResolutionException e) {
      throw new Unresolved("cannot resolve the class path of " + String.join(", ", coordinates)
          + ": " + e.getMessage() + ". Build the project first (mvn install -DskipTests) and allow Maven Central once"
          + (session.isOffline() ? " (-Dbench.offline=true forbids downloading)" : "") + ".", e);
    }
  }

  /** A class path that cannot be resolved from what is at hand. */
  public static final class Unresolved extends IllegalStateException {
    Unresolved(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static long bytes(List<Path> jars) {
    return jars.stream().mapToLong(p -> p.toFile().length()).sum();
  }

  @Override
  public void close() {
    system.shutdown();
  }

  /** Serves databricks4j's POMs, and jars once packaged, from the checkout. */
  private static final class Checkout implements WorkspaceReader {
    private final Path root;
    private final WorkspaceRepository repository = new WorkspaceRepository("checkout");

    Checkout(Path root) {
      this.root = root;
    }

    @Override
    public WorkspaceRepository getRepository() {
      return repository;
    }

    @Override
    public File findArtifact(Artifact a) {
      if (!GROUP.equals(a.getGroupId()) || !a.getBaseVersion().endsWith("-SNAPSHOT")) {
        return null;
      }
      Path dir = switch (a.getArtifactId()) {
        case "databricks4j-parent" -> root;
        case "databricks4j-bom" -> root.resolve("bom");
        default -> root.resolve(a.getArtifactId());
      };
      Path file = "pom".equals(a.getExtension()) ? dir.resolve("pom.xml")
          : dir.resolve("target").resolve(a.getArtifactId() + "-" + a.getBaseVersion()
              + (a.getClassifier().isEmpty() ? "" : "-" + a.getClassifier()) + "." + a.getExtension());
      return Files.isRegularFile(file) ? file.toFile() : null;
    }

    @Override
    public List<String> findVersions(Artifact a) {
      return findArtifact(a) == null ? List.of() : List.of(a.getBaseVersion());
    }
  }
}
