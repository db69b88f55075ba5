package io.databricks4j.codegen.generate;

/** Small internal helpers the generated classes share, written into each module's internal package. */
final class SupportWriter {
  private SupportWriter() {}

  static String toStringer(String pkg) {
    Src s = new Src();
    s.line("package " + pkg + ";").line();
    s.javadoc("Builds {@code toString} of models: only set fields, sensitive ones as {@code ***}. Not public API.");
    s.line("@javax.annotation.processing.Generated(\"io.databricks4j.codegen\")");
    s.open("public final class ToStringer {");
    s.line("private final StringBuilder b;");
    s.line("private boolean first = true;").line();
    s.open("public ToStringer(String name) {");
    s.line("b = new StringBuilder(name).append('{');");
    s.close("}").line();
    s.open("public ToStringer add(String name, Object value) {");
    s.line("return value == null ? this : append(name, String.valueOf(value));");
    s.close("}").line();
    s.open("public ToStringer addSensitive(String name, Object value) {");
    s.line("return value == null ? this : append(name, \"***\");");
    s.close("}").line();
    s.open("private ToStringer append(String name, String value) {");
    s.line("if (!first) b.append(\", \");");
    s.line("first = false;");
    s.line("b.append(name).append('=').append(value);");
    s.line("return this;");
    s.close("}").line();
    s.line("@Override");
    s.open("public String toString() {");
    s.line("return b.toString() + '}';");
    s.close("}");
    s.close("}");
    return s.toString();
  }

  static String mappedWait(String pkg) {
    Src s = new Src();
    s.line("package " + pkg + ";").line();
    s.javadoc("A wait whose polled value is mapped to the result the caller wants (an LRO's decoded response). Not public API.");
    s.line("@javax.annotation.processing.Generated(\"io.databricks4j.codegen\")");
    s.open("public final class MappedWait<S, T> implements io.databricks4j.wait.Wait<T> {");
    s.line("private final io.databricks4j.wait.Wait<S> wait;");
    s.line("private final java.util.function.Function<S, T> map;").line();
    s.open("private MappedWait(io.databricks4j.wait.Wait<S> wait, java.util.function.Function<S, T> map) {");
    s.line("this.wait = wait;");
    s.line("this.map = map;");
    s.close("}").line();
    s.open("public static <S, T> io.databricks4j.wait.Wait<T> of(io.databricks4j.wait.Wait<S> wait, java.util.function.Function<S, T> map) {");
    s.line("return new MappedWait<>(wait, map);");
    s.close("}").line();
    s.line("@Override");
    s.open("public T get() {");
    s.line("return map.apply(wait.get());");
    s.close("}").line();
    s.line("@Override");
    s.open("public T get(java.time.Duration timeout) {");
    s.line("return map.apply(wait.get(timeout));");
    s.close("}").line();
    s.javadoc("Progress values are the polled ones before they are done, so they are not mapped: {@code onProgress} sees none.");
    s.line("@Override");
    s.open("public T get(java.time.Duration timeout, java.util.function.Consumer<T> onProgress) {");
    s.line("return map.apply(wait.get(timeout));");
    s.close("}").line();
    s.line("@Override");
    s.open("public java.util.concurrent.CompletableFuture<T> toFuture() {");
    s.line("return wait.toFuture().thenApply(map);");
    s.close("}");
    s.close("}");
    return s.toString();
  }
}
