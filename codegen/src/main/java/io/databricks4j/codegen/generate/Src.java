package io.databricks4j.codegen.generate;

/**
 * Lines with indentation, for {@code module-info.java}, which JavaPoet does not model; and the
 * escaping of description text put into Javadoc.
 */
final class Src {
  private final StringBuilder b = new StringBuilder(1024);
  private int indent;

  Src line(String s) {
    if (!s.isEmpty()) b.append("  ".repeat(indent));
    b.append(s).append('\n');
    return this;
  }

  Src line() {
    b.append('\n');
    return this;
  }

  Src open(String s) {
    line(s);
    indent++;
    return this;
  }

  Src close(String s) {
    indent--;
    line(s);
    return this;
  }

  Src javadoc(String text) {
    return line("/** " + text + " */");
  }

  @Override
  public String toString() {
    return b.toString();
  }

  /** Escapes text for Javadoc: no comment end, no HTML or tag surprises. */
  static String doc(String s) {
    return s.replace("*/", "*&#47;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "{@literal @}");
  }
}
