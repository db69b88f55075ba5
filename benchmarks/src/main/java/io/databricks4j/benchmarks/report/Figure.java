package io.databricks4j.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** A measured figure: the median of its repetitions and their spread (min to max). */
public record Figure(double median, double min, double max, int n) {

  public static Figure of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    int k = v.size();
    double median = k % 2 == 1 ? v.get(k / 2) : (v.get(k / 2 - 1) + v.get(k / 2)) / 2;
    return new Figure(median, v.get(0), v.get(k - 1), k);
  }

  /** The same figure with every value multiplied by {@code f} (a unit change or an inverse). */
  public Figure scale(double f) {
    return f >= 0 ? new Figure(median * f, min * f, max * f, n) : new Figure(median * f, max * f, min * f, n);
  }

  /** {@code 1/x} of each value: times to rates. */
  public Figure inverse(double numerator) {
    return new Figure(numerator / median, numerator / max, numerator / min, n);
  }

  /** The ratio of the medians. */
  public double over(Figure other) {
    return median / other.median;
  }

  /** {@code median (min–max)}, with the precision the size of the number needs. */
  @Override
  public String toString() {
    return num(median) + " (" + num(min) + "–" + num(max) + ")";
  }

  public static String num(double x) {
    double a = Math.abs(x);
    String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, f, x);
  }

  public static String ratio(double x) {
    return String.format(Locale.ROOT, "%.2f×", x);
  }
}
