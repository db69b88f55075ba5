package io.databricks4j.mixin.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.service.compute.NodeInstanceType;
import io.databricks4j.service.compute.NodeType;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeTypeSelectorTest {
  private static NodeType n(String id, long gb, double cores, long gpus, String category, long diskGb) {
    NodeType.Builder b = NodeType.builder().nodeTypeId(id).memoryMb(gb * 1024).numCores(cores).numGpus(gpus)
        .category(category).photonDriverCapable(gpus == 0).photonWorkerCapable(gpus == 0)
        .isIoCacheEnabled(diskGb > 0).isGraviton(id.startsWith("m6g")).supportPortForwarding(true);
    if (diskGb > 0) {
      b.nodeInstanceType(NodeInstanceType.builder().instanceTypeId(id).localDisks(1L).localDiskSizeGb(diskGb).build());
    }
    return b.build();
  }

  static final List<NodeType> TYPES = List.of(
      n("r5d.xlarge", 32, 4, 0, "Memory Optimized", 150),
      n("m5.large", 8, 2, 0, "General Purpose", 0),
      n("m5d.large", 8, 2, 0, "General Purpose", 75),
      n("m6gd.large", 8, 2, 0, "General Purpose", 118),
      n("c5d.xlarge", 8, 4, 0, "Compute Optimized", 100),
      n("g4dn.xlarge", 16, 4, 1, "GPU Accelerated", 125),
      n("i3.xlarge", 30, 4, 0, "Storage Optimized", 950),
      NodeType.builder().nodeTypeId("m4.large").memoryMb(4096L).numCores(2.0).numGpus(0L).isDeprecated(true).build());

  private static String select(NodeTypeQuery.Builder q) {
    return NodeTypeSelector.select(TYPES, q.build());
  }

  @Test
  void smallestNonDeprecatedNonGpuNodeTypeByDefault() {
    assertThat(select(NodeTypeQuery.builder())).isEqualTo("m5.large");
  }

  @Test
  void requirementsPickTheSmallestThatHasThemAll() {
    assertThat(select(NodeTypeQuery.builder().localDisk(true))).isEqualTo("m5d.large");
    assertThat(select(NodeTypeQuery.builder().minCores(4))).isEqualTo("c5d.xlarge");
    assertThat(select(NodeTypeQuery.builder().minMemoryGb(16))).isEqualTo("i3.xlarge");
    assertThat(select(NodeTypeQuery.builder().minGpus(1))).isEqualTo("g4dn.xlarge");
    assertThat(select(NodeTypeQuery.builder().category("memory optimized"))).isEqualTo("r5d.xlarge");
    assertThat(select(NodeTypeQuery.builder().localDiskMinSizeGb(500))).isEqualTo("i3.xlarge");
    assertThat(select(NodeTypeQuery.builder().gbPerCore(8))).isEqualTo("r5d.xlarge");
    assertThat(select(NodeTypeQuery.builder().graviton(true))).isEqualTo("m6gd.large");
    assertThat(select(NodeTypeQuery.builder().photonWorkerCapable(true).photonDriverCapable(true).minCores(4)))
        .isEqualTo("c5d.xlarge");
    assertThat(select(NodeTypeQuery.builder().ioCacheEnabled(true))).isEqualTo("m5d.large");
  }

  @Test
  void nothingFittingIsAnErrorListingWhatExists() {
    assertThatThrownBy(() -> select(NodeTypeQuery.builder().minMemoryGb(512)))
        .isInstanceOf(DatabricksException.class)
        .hasMessageContaining("no node type fits NodeTypeQuery{minMemoryGb=512}")
        .hasMessageContaining("m5.large (8 GB, 2 cores")
        .hasMessageContaining("g4dn.xlarge (16 GB, 4 cores, 1 GPU")
        .hasMessageContaining("m4.large (4 GB, 2 cores, deprecated)");
  }
}
