package io.databricks4j.testkit.internal.generic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Path templates ({@code /api/2.0/apps/{name}}) and operation names ({@code listCustomTemplates}). */
final class Templates {
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  private Templates() {
  }

  /** The parameter names of a template, in order. */
  static List<String> params(String template) {
    List<String> out = new ArrayList<>();
    Matcher m = PARAM.matcher(template);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /**
   * The template with its parameters replaced by their values. A value may hold slashes when it
   * is a resource name ({@code name}, {@code parent}); in any other value a slash is escaped so
   * that the keys of one collection stay one segment below it.
   */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String v = values.get(name);
      if (v == null) {
        v = "";
      } else if (!name.equals("name") && !name.equals("parent")) {
        v = v.replace("/", "%2F");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Whether the last segment of the template is exactly one parameter. */
  static boolean endsWithParam(String template) {
    int slash = template.lastIndexOf('/');
    String last = template.substring(slash + 1);
    return last.startsWith("{") && last.endsWith("}") && last.indexOf('}') == last.length() - 1;
  }

  /** The name of the last parameter of a template ending with one. */
  static String lastParam(String template) {
    String last = template.substring(template.lastIndexOf('/') + 1);
    return last.substring(1, last.length() - 1);
  }

  /** The template without its last segment. */
  static String parent(String template) {
    int slash = template.lastIndexOf('/');
    return slash <= 0 ? "" : template.substring(0, slash);
  }

  /** The template with every parameter written {@code {}}, to compare shapes. */
  static String shape(String template) {
    return PARAM.matcher(template).replaceAll("{}");
  }

  /** The first word of a lower-camel operation name: {@code list} of {@code listCustomTemplates}. */
  static String verb(String opName) {
    int i = 0;
    while (i < opName.length() && Character.isLowerCase(opName.charAt(i))) {
      i++;
    }
    return opName.substring(0, i);
  }

  /** The rest of the name, normalised to a singular lower-case noun: {@code customtemplate}. */
  static String noun(String opName) {
    return singular(opName.substring(verb(opName).length()).toLowerCase(Locale.ROOT));
  }

  /** Whether the noun of the name is a plural ({@code deleteRuns}), a batch rather than one resource. */
  static boolean plural(String opName) {
    String n = opName.substring(verb(opName).length()).toLowerCase(Locale.ROOT);
    return !n.isEmpty() && !singular(n).equals(n);
  }

  static String singular(String n) {
    if (n.endsWith("ies")) {
      return n.substring(0, n.length() - 3) + "y";
    }
    if (n.endsWith("sses") || n.endsWith("xes") || n.endsWith("ches") || n.endsWith("shes") || n.endsWith("uses")) {
      return n.substring(0, n.length() - 2);
    }
    if (n.endsWith("s") && !n.endsWith("ss") && !n.endsWith("us") && !n.endsWith("is")) {
      return n.substring(0, n.length() - 1);
    }
    return n;
  }
}
