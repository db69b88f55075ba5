package io.databricks4j.codegen.generate;

/** A tiny source builder: lines with indentation. */
final class Src {
  private final StringBuilder b = new StringBuilder(4096);
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

  /** Closes a block and opens the next on one line: {@code } else {}, {@code } catch (...) {}. */
  Src reopen(String s) {
    indent--;
    line(s);
    indent++;
    return this;
  }

  Src javadoc(java.util.List<String> lines) {
    return javadoc(lines.toArray(new String[0]));
  }

  Src javadoc(String... lines) {
    if (lines.length == 1) return line("/** " + lines[0] + " */");
    line("/**");
    for (String l : lines) line(l.isEmpty() ? " *" : " * " + l);
    return line(" */");
  }

  @Override
  public String toString() {
    return b.toString();
  }

  /** Escapes text for a Java string literal. */
  static String str(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Escapes text for Javadoc: no comment end, no HTML or tag surprises. */
  static String doc(String s) {
    return s.replace("*/", "*&#47;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "{@literal @}");
  }

  static String upperFirst(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
