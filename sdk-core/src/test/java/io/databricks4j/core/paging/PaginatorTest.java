package io.databricks4j.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.error.DatabricksException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PaginatorTest {
  record Req(String token, Long offset) {
    Req withToken(String t) {
      return new Req(t, offset);
    }

    Req withOffset(Long o) {
      return new Req(token, o);
    }
  }

  record Resp(List<String> items, String next) {}

  /** Serves pages by token and records each request. */
  static final class Service implements Function<Req, Resp> {
    final Map<String, Resp> pages;
    final List<Req> calls = new ArrayList<>();

    Service(Map<String, Resp> pages) {
      this.pages = pages;
    }

    @Override
    public Resp apply(Req r) {
      calls.add(r);
      return pages.get(r.token() == null ? "" : r.token());
    }
  }

  @Test
  void tokenPagesAreFetchedOnlyAsIterationReachesThem() {
    Service s = new Service(Map.of(
        "", new Resp(List.of("a", "b"), "t1"),
        "t1", new Resp(List.of(), "t2"),
        "t2", new Resp(null, "t3"),
        "t3", new Resp(List.of("c"), "")));
    var paged = Paginator.token(new Req(null, null), s, Resp::items, Resp::next, Req::withToken);
    assertThat(s.calls).isEmpty();
    assertThat(paged.stream().limit(1).toList()).containsExactly("a");
    assertThat(s.calls).hasSize(1);
    s.calls.clear();
    assertThat(paged).containsExactly("a", "b", "c");
    assertThat(s.calls).extracting(Req::token).containsExactly(null, "t1", "t2", "t3");
  }

  @Test
  void aRepeatedTokenEndsWithAnErrorInsteadOfLoopingForever() {
    Service s = new Service(Map.of("", new Resp(List.of("a"), "t1"), "t1", new Resp(List.of("b"), "t1")));
    var paged = Paginator.token(new Req(null, null), s, Resp::items, Resp::next, Req::withToken);
    assertThatThrownBy(() -> paged.forEach(x -> { }))
        .isInstanceOf(DatabricksException.class).hasMessageContaining("'t1' a second time");
  }

  @Test
  void offsetAdvancesByTheItemsReceivedAndEndsOnAnEmptyPage() {
    List<Long> offsets = new ArrayList<>();
    Function<Req, Resp> fetch = r -> {
      long o = r.offset() == null ? 0 : r.offset();
      offsets.add(o);
      List<String> items = new ArrayList<>();
      for (long i = o; i < Math.min(o + 3, 7); i++) {
        items.add("i" + i);
      }
      return new Resp(items, null);
    };
    var paged = Paginator.offset(new Req(null, null), fetch, Resp::items, Req::offset, Req::withOffset);
    assertThat(paged).containsExactly("i0", "i1", "i2", "i3", "i4", "i5", "i6");
    assertThat(offsets).containsExactly(0L, 3L, 6L, 7L);
  }

  @Test
  void anOffsetThatDoesNotMoveEndsWithAnError() {
    var paged = Paginator.offset(new Req(null, 0L), r -> new Resp(List.of("x"), null), Resp::items, Req::offset,
        (r, o) -> r);
    assertThatThrownBy(() -> paged.forEach(x -> { })).isInstanceOf(DatabricksException.class)
        .hasMessageContaining("a second time");
  }

  @Test
  void scimStartsAtOneAndDedupes() {
    List<Long> starts = new ArrayList<>();
    Function<Req, Resp> fetch = r -> {
      starts.add(r.offset());
      long start = r.offset() == null ? 1 : r.offset();
      // the list shifted while it was read: "u2" comes again
      return start == 1 ? new Resp(List.of("u1", "u2"), null)
          : start == 3 ? new Resp(List.of("u2", "u3"), null) : new Resp(List.of(), null);
    };
    var users = Paginator.scim(new Req(null, null), fetch, Resp::items, Req::offset, Req::withOffset);
    assertThat(users.dedupe(Function.identity())).containsExactly("u1", "u2", "u3");
    assertThat(starts).containsExactly(null, 3L, 5L);
    assertThat(users).containsExactly("u1", "u2", "u2", "u3");
  }

  @Test
  void pageNumbersAndSinglePages() {
    List<Long> pages = new ArrayList<>();
    var paged = Paginator.pageNumber(new Req(null, null), r -> {
      pages.add(r.offset());
      return new Resp(r.offset() != null && r.offset() > 2 ? List.of() : List.of("p" + r.offset()), null);
    }, Resp::items, Req::offset, Req::withOffset);
    assertThat(paged).containsExactly("pnull", "p2");
    assertThat(pages).containsExactly(null, 2L, 3L);
    assertThat(Paginator.single(new Req(null, null), r -> new Resp(List.of("only"), "ignored"), Resp::items))
        .containsExactly("only");
  }
}
