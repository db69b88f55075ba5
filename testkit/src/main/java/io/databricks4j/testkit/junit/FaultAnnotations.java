package io.databricks4j.testkit.junit;

import io.databricks4j.testkit.FaultPlan;
import io.databricks4j.testkit.FaultRule;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/** The {@link Fault} annotations of a test method or its classes, as rules of a fault plan. */
final class FaultAnnotations {
  private final List<FaultRule> rules;
  private final long seed;

  private FaultAnnotations(List<FaultRule> rules, long seed) {
    this.rules = rules;
    this.seed = seed;
  }

  /** The faults of the first element, in order, that has some: a method, then its class, then enclosing classes. */
  static Optional<FaultAnnotations> find(List<? extends AnnotatedElement> nearestFirst) {
    for (AnnotatedElement element : nearestFirst) {
      List<Fault> faults = AnnotationSupport.findRepeatableAnnotations(element, Fault.class);
      if (!faults.isEmpty()) {
        long seed = AnnotationSupport.findAnnotation(element, Faults.class).map(Faults::seed).orElse(0L);
        List<FaultRule> rules = new ArrayList<>();
        faults.forEach(f -> rules.add(rule(f, element)));
        return Optional.of(new FaultAnnotations(List.copyOf(rules), seed));
      }
    }
    return Optional.empty();
  }

  void applyTo(FaultPlan plan) {
    plan.clear();
    rules.forEach(plan::add);
    plan.seed(seed);
  }

  private static FaultRule rule(Fault f, AnnotatedElement where) {
    try {
      return FaultRule.forPaths(f.path()).methods(f.methods()).tooManyRequests(f.tooManyRequests())
          .retryAfter(Duration.ofSeconds(f.retryAfterSeconds())).unavailable(f.unavailable())
          .connectionReset(f.connectionReset()).latency(Duration.ofMillis(f.latencyMillis())).limit(f.limit())
          .build();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("@Fault on " + where + " is not a valid fault rule: " + e.getMessage(), e);
    }
  }
}
