package io.databricks4j.benchmarks.peer;

import java.util.List;

/** The peers by name. */
public final class Peers {
  public static final String DATABRICKS4J = "databricks4j";
  public static final String OFFICIAL = "official";
  public static final String FLOOR = "floor";
  /** databricks4j through {@code apiClient().execute} (context: the cost of the generated service and its wire invoker). */
  public static final String APICLIENT = "databricks4j-apiclient";
  public static final List<String> ALL = List.of(DATABRICKS4J, OFFICIAL, FLOOR);

  private Peers() {}

  public static Peer create(String name, String url, String token) {
    return switch (name) {
      case DATABRICKS4J -> new Databricks4jPeer(url, token);
      case OFFICIAL -> new OfficialPeer(url, token);
      case FLOOR -> new FloorPeer(url, token);
      case APICLIENT -> new ApiClientPeer(url, token);
      default -> throw new IllegalArgumentException("unknown peer " + name + "; one of " + ALL);
    };
  }
}
