package io.databricks4j.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.testkit.internal.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PagesTest {
  @Test
  void keysetPagesNeitherRepeatNorSkipWhenItemsAreDeletedBetweenPages() {
    List<String> items = new ArrayList<>(List.of("a", "b", "c", "d", "e"));
    Pages.Page<String> first = Pages.after(items, Function.identity(), null, 2);
    assertThat(first.items()).containsExactly("a", "b");
    items.remove("a");
    items.remove("c");
    Pages.Page<String> second = Pages.after(items, Function.identity(), first.nextToken(), 2);
    assertThat(second.items()).containsExactly("d", "e");
    assertThat(second.hasMore()).isFalse();
  }

  @Test
  void offsetTokensRoundTripAndGarbageIsRefused() {
    Pages.Page<Integer> page = Pages.offset(List.of(1, 2, 3), 1, 1);
    assertThat(page.items()).containsExactly(2);
    assertThat(Pages.offsetOf(page.nextToken())).isEqualTo(2);
    assertThatThrownBy(() -> Pages.offsetOf("garbage")).isInstanceOf(ApiException.class);
    assertThat(Pages.size(0, 3)).isEqualTo(3);
    assertThat(Pages.size(10, 3)).isEqualTo(3);
    assertThat(Pages.size(1, 3)).isEqualTo(1);
    assertThatThrownBy(() -> Pages.size(-1, 3)).isInstanceOf(ApiException.class);
  }
}
