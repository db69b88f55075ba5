package io.databricks4j.benchmarks.coldstart;

/**
 * Workload 3, one launch: {@code ColdStart <peer> <url> <token> <clusterId> [construct-only]} builds a
 * client and, unless told not to, makes the first call. Prints {@code construct_ns=N answered_ns=M}
 * counted from the first statement of {@code main}. Only the chosen peer's classes are loaded: this
 * class names the probes in static calls, which the verifier does not resolve.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    String peer = args[0];
    boolean call = args.length < 5 || !args[4].equals("construct-only");
    long[] t = switch (peer) {
      case "databricks4j" -> Databricks4jProbe.run(args[1], args[2], args[3], call);
      case "official" -> OfficialProbe.run(args[1], args[2], args[3], call);
      case "floor" -> FloorProbe.run(args[1], args[2], args[3], call);
      default -> throw new IllegalArgumentException("unknown peer " + peer);
    };
    System.out.println("construct_ns=" + (t[0] - start) + " answered_ns=" + (t[1] - start));
  }
}
