package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fixed reference data a workspace on AWS answers with: Spark versions, node types, zones. */
final class Catalogues {
  private Catalogues() {
  }

  static ArrayNode sparkVersions() {
    ArrayNode versions = Json.array();
    String[][] rows = {
        {"17.3.x-scala2.13", "17.3 LTS (includes Apache Spark 4.0.0, Scala 2.13)"},
        {"17.3.x-photon-scala2.13", "17.3 LTS Photon (includes Apache Spark 4.0.0, Scala 2.13)"},
        {"17.3.x-cpu-ml-scala2.13", "17.3 LTS ML (includes Apache Spark 4.0.0, Scala 2.13)"},
        {"16.4.x-scala2.12", "16.4 LTS (includes Apache Spark 3.5.2, Scala 2.12)"},
        {"16.4.x-scala2.13", "16.4 LTS (includes Apache Spark 3.5.2, Scala 2.13)"},
        {"16.4.x-photon-scala2.12", "16.4 LTS Photon (includes Apache Spark 3.5.2, Scala 2.12)"},
        {"15.4.x-scala2.12", "15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"15.4.x-photon-scala2.12", "15.4 LTS Photon (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"15.4.x-cpu-ml-scala2.12", "15.4 LTS ML (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"15.4.x-gpu-ml-scala2.12", "15.4 LTS ML (includes Apache Spark 3.5.0, GPU, Scala 2.12)"},
        {"14.3.x-scala2.12", "14.3 LTS (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"14.3.x-photon-scala2.12", "14.3 LTS Photon (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"13.3.x-scala2.12", "13.3 LTS (includes Apache Spark 3.4.1, Scala 2.12)"},
        {"12.2.x-scala2.12", "12.2 LTS (includes Apache Spark 3.3.2, Scala 2.12)"},
        {"11.3.x-scala2.12", "11.3 LTS (includes Apache Spark 3.3.0, Scala 2.12)"},
        {"10.4.x-scala2.12", "10.4 LTS (includes Apache Spark 3.2.1, Scala 2.12)"},
    };
    for (String[] row : rows) {
      versions.add(Json.object("key", row[0], "name", row[1]));
    }
    return versions;
  }

  /** node_type_id to {memory MB, cores, GPUs, category, local disk GB}. */
  private static final Map<String, Object[]> NODE_TYPES = new LinkedHashMap<>();

  static {
    NODE_TYPES.put("m5d.large", new Object[] {8192, 2, 0, "General Purpose", 75});
    NODE_TYPES.put("m5d.xlarge", new Object[] {16384, 4, 0, "General Purpose", 150});
    NODE_TYPES.put("m5d.2xlarge", new Object[] {32768, 8, 0, "General Purpose", 300});
    NODE_TYPES.put("m6gd.large", new Object[] {8192, 2, 0, "General Purpose", 118});
    NODE_TYPES.put("i3.xlarge", new Object[] {31232, 4, 0, "Storage Optimized", 950});
    NODE_TYPES.put("i3.2xlarge", new Object[] {62464, 8, 0, "Storage Optimized", 1900});
    NODE_TYPES.put("r5d.xlarge", new Object[] {32768, 4, 0, "Memory Optimized", 150});
    NODE_TYPES.put("c5d.xlarge", new Object[] {8192, 4, 0, "Compute Optimized", 100});
    NODE_TYPES.put("g4dn.xlarge", new Object[] {16384, 4, 1, "GPU Accelerated", 125});
  }

  static String defaultNodeType() {
    return "i3.xlarge";
  }

  static int memoryMb(String nodeType) {
    Object[] row = NODE_TYPES.get(nodeType);
    return row == null ? 16384 : (Integer) row[0];
  }

  static int cores(String nodeType) {
    Object[] row = NODE_TYPES.get(nodeType);
    return row == null ? 4 : (Integer) row[1];
  }

  static ArrayNode nodeTypes() {
    ArrayNode types = Json.array();
    int order = 0;
    for (Map.Entry<String, Object[]> e : NODE_TYPES.entrySet()) {
      String id = e.getKey();
      Object[] r = e.getValue();
      int memory = (Integer) r[0];
      int cores = (Integer) r[1];
      int gpus = (Integer) r[2];
      ObjectNode instance = Json.object("instance_type_id", id, "local_disks", 1, "local_disk_size_gb", r[4],
          "local_nvme_disks", 1, "local_nvme_disk_size_gb", r[4]);
      types.add(Json.object(
          "node_type_id", id,
          "instance_type_id", id,
          "memory_mb", memory,
          "num_cores", (double) cores,
          "num_gpus", gpus,
          "description", id,
          "category", r[3],
          "display_order", order++,
          "is_deprecated", false,
          "is_hidden", false,
          "is_io_cache_enabled", id.startsWith("i3") || id.endsWith("d.large") || id.contains("d."),
          "is_graviton", id.startsWith("m6g"),
          "is_encrypted_in_transit", !id.startsWith("i3"),
          "photon_driver_capable", gpus == 0,
          "photon_worker_capable", gpus == 0,
          "support_cluster_tags", true,
          "support_ebs_volumes", true,
          "support_port_forwarding", true,
          "node_instance_type", instance));
    }
    return types;
  }
}
