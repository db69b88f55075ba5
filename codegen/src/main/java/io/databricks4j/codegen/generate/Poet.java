package io.databricks4j.codegen.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;

/** The classes generated sources name, and the one way a generated file is laid out. */
final class Poet {
  static final ClassName API_CLIENT = ClassName.get("io.databricks4j.core", "ApiClient");
  static final ClassName QUERY_PARAMS = ClassName.get("io.databricks4j.core.http", "QueryParams");
  static final ClassName IDEMPOTENT = ClassName.get("io.databricks4j.core.http", "Idempotent");
  static final ClassName PAGINATOR = ClassName.get("io.databricks4j.core.paging", "Paginator");
  static final ClassName WAITER = ClassName.get("io.databricks4j.core.wait", "Waiter");
  static final ClassName PAGED_ITERABLE = ClassName.get("io.databricks4j.paging", "PagedIterable");
  static final ClassName WAIT = ClassName.get("io.databricks4j.wait", "Wait");
  static final ClassName LONG_RUNNING = ClassName.get("io.databricks4j.wait", "LongRunning");
  static final ClassName HTTP_REQUEST = ClassName.get("io.databricks4j.http", "HttpRequest");
  static final ClassName HTTP_RESPONSE = ClassName.get("io.databricks4j.http", "HttpResponse");
  static final ClassName REQUEST_BODY = ClassName.get("io.databricks4j.http", "RequestBody");
  static final ClassName CONFIG_EXCEPTION = ClassName.get("io.databricks4j.error", "ConfigException");
  static final ClassName DATABRICKS_EXCEPTION = ClassName.get("io.databricks4j.error", "DatabricksException");

  static final ClassName JSON_PROPERTY = ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");
  static final ClassName JSON_IGNORE = ClassName.get("com.fasterxml.jackson.annotation", "JsonIgnore");
  static final ClassName JSON_CREATOR = ClassName.get("com.fasterxml.jackson.annotation", "JsonCreator");
  static final ClassName JSON_VALUE = ClassName.get("com.fasterxml.jackson.annotation", "JsonValue");
  static final ClassName JSON_AUTO_DETECT = ClassName.get("com.fasterxml.jackson.annotation", "JsonAutoDetect");
  static final ClassName JSON_IGNORE_PROPERTIES = ClassName.get("com.fasterxml.jackson.annotation", "JsonIgnoreProperties");
  static final ClassName JSON_DESERIALIZE = ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonDeserialize");
  static final ClassName JSON_POJO_BUILDER = ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonPOJOBuilder");
  static final ClassName JSON_PROCESSING_EXCEPTION = ClassName.get("com.fasterxml.jackson.core", "JsonProcessingException");

  static final ClassName REQUEST_LINE = ClassName.get("feign", "RequestLine");
  static final ClassName HEADERS = ClassName.get("feign", "Headers");
  static final ClassName PARAM = ClassName.get("feign", "Param");
  static final ClassName QUERY_MAP = ClassName.get("feign", "QueryMap");

  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private Poet() {}

  /** {@code @Generated("io.databricks4j.codegen")}. */
  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", "io.databricks4j.codegen").build();
  }

  /**
   * {@code @A(value)} with a literal member, or {@code @A(name = value)} on one line: JavaPoet writes
   * an annotation with named members on several lines, and one short member reads better inline, so
   * a {@code format} of {@code "name = ..."} goes in the value slot.
   */
  static AnnotationSpec annotation(ClassName type, String format, Object... args) {
    return AnnotationSpec.builder(type).addMember("value", format, args).build();
  }

  /** Javadoc text is wrapped at this width, so that with its indent and {@code " * "} a line stays within 100 columns. */
  private static final int DOC_WIDTH = 92;

  /** Javadoc lines as one block, long ones wrapped at spaces; the text is taken literally ({@code $} included). */
  static CodeBlock doc(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) wrap(line, out);
    return CodeBlock.of("$L", String.join("\n", out));
  }

  private static void wrap(String line, List<String> out) {
    String rest = line;
    while (rest.length() > DOC_WIDTH) {
      int cut = rest.lastIndexOf(' ', DOC_WIDTH);
      if (cut <= 0) cut = rest.indexOf(' ', DOC_WIDTH);
      if (cut <= 0) break;
      out.add(rest.substring(0, cut));
      rest = rest.substring(cut + 1);
    }
    out.add(rest);
  }

  static CodeBlock doc(String... lines) {
    return doc(List.of(lines));
  }

  /** The source of a top-level type: two-space indent, imports, {@code java.lang} not imported. */
  static String source(String pkg, TypeSpec type) {
    return JavaFile.builder(pkg, type).indent("  ").skipJavaLangImports(true).build().toString();
  }
}
