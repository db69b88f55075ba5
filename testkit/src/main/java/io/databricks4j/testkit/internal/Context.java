package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** What the emulations of one workspace share. */
public final class Context {
  private final Settings settings;
  private final Ids ids;
  private final Authenticator authenticator;
  private final FileStore files;
  private final String host;
  private final Map<String, Predicate<String>> permissionObjects = new ConcurrentHashMap<>();
  private volatile ObjectNode currentUser;

  public Context(Settings settings, String host) {
    this.settings = settings;
    this.host = host;
    this.ids = new Ids(settings.clock());
    this.authenticator = new Authenticator(settings.clock(), settings.token(), settings.userName());
    this.files = new FileStore(settings.clock());
  }

  public Settings settings() {
    return settings;
  }

  public Clock clock() {
    return settings.clock();
  }

  public long now() {
    return settings.clock().millis();
  }

  public Ids ids() {
    return ids;
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public FileStore files() {
    return files;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String host() {
    return host;
  }

  public int pageSize() {
    return settings.pageSize();
  }

  /** Milliseconds a cluster, warehouse or workspace takes to change state. */
  public long stateDelayMillis() {
    return settings.clusterStartDelay().toMillis();
  }

  public String accountId() {
    return settings.accountId();
  }

  public String userName() {
    return settings.userName();
  }

  /** Registers which ids of a permissions object type ({@code clusters}) exist. */
  public void permissionObjects(String type, Predicate<String> exists) {
    permissionObjects.put(type, exists);
  }

  /** Whether permissions of {@code type} are emulated, and then whether {@code id} exists. */
  public Predicate<String> permissionObjects(String type) {
    return permissionObjects.get(type);
  }

  /** The SCIM record of the workspace user, set by the SCIM emulation. */
  public ObjectNode currentUser() {
    return currentUser;
  }

  public void currentUser(ObjectNode user) {
    this.currentUser = user;
  }
}
