package io.databricks4j.codegen.extract;

import io.databricks4j.codegen.extract.SourceSet.ClassInfo;

/** Name conversions used by the extractor. */
final class Names {
  private Names() {}

  /** {@code clusterId} -> {@code cluster_id}; {@code nameArg} -> {@code name_arg}. */
  static String snake(String camel) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char ch = camel.charAt(i);
      if (Character.isUpperCase(ch)) {
        if (i > 0) b.append('_');
        b.append(Character.toLowerCase(ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /** {@code DefaultNamespace} -> {@code defaultNamespace}. */
  static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** Our reference to a model class: {@code compute.ClusterDetails}. */
  static String ref(ClassInfo c) {
    return c.servicePackage() + "." + c.simpleName();
  }
}
