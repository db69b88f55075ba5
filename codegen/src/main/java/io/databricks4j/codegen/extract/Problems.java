package io.databricks4j.codegen.extract;

import io.databricks4j.codegen.model.ApiModel.Unparsed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the extractor could not parse, with the reason. Never dropped silently. */
final class Problems {
  private final List<Unparsed> list = new ArrayList<>();

  void add(String where, String reason) {
    Unparsed u = new Unparsed(where, reason);
    if (!list.contains(u)) {
      list.add(u);
    }
  }

  List<Unparsed> sorted() {
    List<Unparsed> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparing(Unparsed::where).thenComparing(Unparsed::reason));
    return copy;
  }
}
