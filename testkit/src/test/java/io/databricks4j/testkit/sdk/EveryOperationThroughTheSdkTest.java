package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.account.AccountClient;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.PackageDescription;
import io.databricks4j.codegen.model.ApiModel.Service;
import io.databricks4j.codegen.model.ApiModel.SubService;
import io.databricks4j.codegen.model.DescriptionIo;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.NotImplemented;
import io.databricks4j.service.testing.WireRequests;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.internal.generic.NotEmulated;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every operation of codegen/api, called once through the generated SDK (each request built with
 * every field set, as the wire tests build them) against a local workspace: none answers 501
 * but those {@link NotEmulated} lists, none fails inside the emulator, and every answer reads.
 */
class EveryOperationThroughTheSdkTest {
  @Test
  void noOperationAnswers501ButTheListedOnes() throws Exception {
    List<PackageDescription> packages = DescriptionIo.readPackages(
        Path.of(System.getProperty("codegen.api.dir", "../codegen/api")));
    Map<String, Service> services = new HashMap<>();
    for (PackageDescription p : packages) {
      for (Service s : WireRequests.list(p.services())) {
        services.put(p.name() + "." + s.name(), s);
      }
    }
    try (LocalWorkspace ws = LocalWorkspace.builder().pageSize(100).start();
        WorkspaceClient w = ws.client(); AccountClient a = ws.accountClient()) {
      WireRequests requests = new WireRequests(packages, ws.accountId());
      TreeSet<String> notImplemented = new TreeSet<>();
      List<String> unreadable = new ArrayList<>();
      int called = 0;
      long start = System.nanoTime();
      for (PackageDescription p : packages) {
        for (Service s : WireRequests.list(p.services())) {
          for (Operation o : WireRequests.list(s.operations())) {
            if (o.dataPlane() != null) {
              continue; // its URL comes from another response; the SDK refuses it without a data-plane token
            }
            called++;
            String name = p.name() + "." + s.name() + "." + o.name();

            Object client = s.level().equals("account") ? a : w;
            try {
              Object service = service(s, client, services);
              WireRequests.Expected e = requests.build(o);
              consume(method(service, o, requests).invoke(service,
                  e.request() == null ? new Object[0] : new Object[] {e.request()}));
            } catch (InvocationTargetException | RuntimeException x) {
              Throwable cause = x instanceof InvocationTargetException ? x.getCause() : x;
              if (cause instanceof NotImplemented) {
                notImplemented.add(name);
              } else if (!(cause instanceof DatabricksError)) {
                unreadable.add(name + ": " + cause);
              }
            }
          }
        }
      }
      System.out.printf("%d operations called through the SDK in %d ms: %d answered 501%n", called,
          (System.nanoTime() - start) / 1_000_000, notImplemented.size());
      TreeSet<String> listed = new TreeSet<>();
      for (PackageDescription p : packages) {
        for (Service s : WireRequests.list(p.services())) {
          for (Operation o : WireRequests.list(s.operations())) {
            if (o.dataPlane() == null && NotEmulated.reason(p.name(), s.name(), o.name()) != null) {
              listed.add(p.name() + "." + s.name() + "." + o.name());
            }
          }
        }
      }
      assertThat(notImplemented).as("operations that answered 501").isEqualTo(listed);
      assertThat(unreadable).as("answers the SDK could not read").isEmpty();
      assertThat(ws.internalErrors()).as("requests that failed inside the emulator").isZero();
      assertThat(called).isEqualTo(1221);
    }
  }

  /** The service object as the client hands it out: {@code clusters()}, {@code settings().defaultNamespace()}. */
  private static Object service(Service s, Object client, Map<String, Service> services)
      throws ReflectiveOperationException {
    Service owner = s.inheritedBy() == null ? s : services.get(s.inheritedBy());
    if (owner.parent() == null) {
      return client.getClass().getMethod(owner.accessor()).invoke(client);
    }
    Service parent = services.get(owner.parent());
    String key = owner.packageName() + "." + owner.name();
    SubService sub = parent.subServices().stream().filter(x -> x.service().equals(key)).findFirst().orElseThrow();
    Object p = service(parent, client, services);
    return p.getClass().getMethod(sub.accessor()).invoke(p);
  }

  /** The typed method {@code op(Request)} (or {@code op()}). */
  private static Method method(Object service, Operation o, WireRequests requests) throws NoSuchMethodException {
    String param = o.requestType() == null ? null
        : requests.isModel(o.requestType()) ? requests.javaClass(o.requestType()).getName() : Map.class.getName();
    for (Method m : service.getClass().getMethods()) {
      if (m.getName().equals(o.name()) && (param == null ? m.getParameterCount() == 0
          : m.getParameterCount() == 1 && m.getParameterTypes()[0].getName().equals(param))) {
        return m;
      }
    }
    throw new NoSuchMethodException(service.getClass().getName() + "." + o.name());
  }

  /** Reads every page of a list; reads and closes a downloaded stream. */
  private static void consume(Object result) throws Exception {
    if (result instanceof Iterable<?> items) {
      int n = 0;
      for (Object ignored : items) {
        if (++n > 1000) {
          break;
        }
      }
    } else if (result != null) {
      for (Method m : result.getClass().getMethods()) {
        if (m.getParameterCount() == 0 && InputStream.class.isAssignableFrom(m.getReturnType())) {
          try (InputStream in = (InputStream) m.invoke(result)) {
            if (in != null) {
              in.transferTo(OutputStream.nullOutputStream());
            }
          }
        }
      }
    }
  }
}
