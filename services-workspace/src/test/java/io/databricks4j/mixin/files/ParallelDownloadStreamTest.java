package io.databricks4j.mixin.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.error.DatabricksException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ParallelDownloadStreamTest {
  private static byte[] data(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i ^ (i >>> 8));
    }
    return b;
  }

  @Test
  void partsFetchedOutOfOrderAreReadInOrder() throws IOException {
    byte[] all = data(10_500);
    List<Long> asked = new CopyOnWriteArrayList<>();
    ParallelDownloadStream.PartFetcher fetcher = (s, e) -> {
      asked.add(s);
      return Arrays.copyOfRange(all, (int) s, (int) e);
    };
    List<Long> done = new CopyOnWriteArrayList<>();
    try (ParallelDownloadStream in = new ParallelDownloadStream(new ByteArrayInputStream(all, 0, 1024), all.length,
        1024, 4, fetcher, new Progress((d, t) -> done.add(d), all.length))) {
      assertThat(in.readAllBytes()).isEqualTo(all);
    }
    assertThat(asked).hasSize(10).doesNotContain(0L);
    assertThat(done).isSorted().last().isEqualTo((long) all.length);
  }

  @Test
  void aFailedPartFailsTheRead() {
    byte[] all = data(4096);
    ParallelDownloadStream in = new ParallelDownloadStream(new ByteArrayInputStream(all, 0, 1024), all.length, 1024, 3,
        (s, e) -> {
          throw new DatabricksException("part at " + s + " failed");
        }, new Progress(ProgressListener.NONE, all.length));
    assertThatThrownBy(in::readAllBytes).isInstanceOf(DatabricksException.class).hasMessageContaining("part at 1024");
  }
}
