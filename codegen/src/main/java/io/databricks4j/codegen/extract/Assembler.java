package io.databricks4j.codegen.extract;

import io.databricks4j.codegen.extract.Drafts.OpDraft;
import io.databricks4j.codegen.extract.Drafts.ServiceDraft;
import io.databricks4j.codegen.extract.Models.FieldInfo;
import io.databricks4j.codegen.extract.SourceSet.ClassInfo;
import io.databricks4j.codegen.model.ApiModel.Counts;
import io.databricks4j.codegen.model.ApiModel.EnumValue;
import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.Index;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.PackageDescription;
import io.databricks4j.codegen.model.ApiModel.Service;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns drafts into the description: reachable types, required and sensitive flags, counts. */
final class Assembler {
  /** String fields with these wire names carry credentials wherever they appear. */
  private static final Set<String> SENSITIVE = Set.of(
      "password", "client_secret", "secret", "token", "token_value", "access_token",
      "refresh_token", "bytes_value", "secret_access_key", "session_token",
      "personal_access_token", "private_key", "auth_secret", "api_key", "oauth_token",
      "gcp_oauth_token", "cloudflare_api_token", "plaintext");
  /** Only inside secret types (secret scopes, UC secrets) are these values secret. */
  private static final Set<String> SENSITIVE_IN_SECRET_TYPES = Set.of("value", "string_value");

  private final Models models;
  private final Problems problems;
  private final Set<String> reached;

  Assembler(Models models, Problems problems, Set<String> reached) {
    this.models = models;
    this.problems = problems;
    this.reached = reached;
  }

  Extractor.Result assemble(String version, int schemaVersion, Collection<ServiceDraft> drafts) {
    Map<String, Set<String>> pathFields = new HashMap<>();
    Map<String, Set<String>> requiredFields = new HashMap<>();
    for (ServiceDraft s : drafts) {
      for (OpDraft op : s.operations) {
        if (op.requestClass == null) continue;
        String fqn = op.requestClass.fqn();
        op.pathParams.stream().filter(p -> p.field() != null)
            .forEach(p -> pathFields.computeIfAbsent(fqn, k -> new HashSet<>()).add(p.field()));
        requiredFields.computeIfAbsent(fqn, k -> new HashSet<>()).addAll(op.required);
      }
    }

    Map<String, TypeDef> types = new TreeMap<>();
    List<String> queue = new ArrayList<>(reached);
    Set<String> done = new HashSet<>();
    while (!queue.isEmpty()) {
      String fqn = queue.remove(queue.size() - 1);
      if (!done.add(fqn)) continue;
      ClassInfo c = models.sources().get(fqn).orElseThrow();
      Set<String> more = new LinkedHashSet<>();
      TypeDef t = typeDef(c, pathFields.getOrDefault(fqn, Set.of()),
          requiredFields.getOrDefault(fqn, Set.of()), more);
      types.put(Names.ref(c), t);
      more.stream().filter(m -> !done.contains(m)).forEach(queue::add);
    }

    Map<String, List<Service>> servicesByPkg = new TreeMap<>();
    for (ServiceDraft s : drafts) {
      servicesByPkg.computeIfAbsent(s.pkg, k -> new ArrayList<>()).add(service(s, types));
    }
    Map<String, Map<String, TypeDef>> typesByPkg = new TreeMap<>();
    types.forEach((ref, t) -> typesByPkg.computeIfAbsent(t.packageName(), k -> new TreeMap<>())
        .put(t.name(), t));

    Set<String> pkgs = new TreeSet<>(servicesByPkg.keySet());
    pkgs.addAll(typesByPkg.keySet());
    List<PackageDescription> packages = new ArrayList<>();
    Map<String, Counts> counts = new TreeMap<>();
    for (String p : pkgs) {
      List<Service> services = servicesByPkg.getOrDefault(p, List.of());
      services.sort(Comparator.comparing(Service::name));
      Map<String, TypeDef> pt = typesByPkg.getOrDefault(p, Map.of());
      packages.add(new PackageDescription(p, services, pt));
      counts.put(p, count(services, pt.values()));
    }
    Counts total = sum(counts.values());
    Index index = new Index(schemaVersion, "com.databricks:databricks-sdk-java:sources", version,
        total, counts, problems.sorted());
    return new Extractor.Result(index, packages);
  }

  private TypeDef typeDef(ClassInfo c, Set<String> pathFields, Set<String> required, Set<String> more) {
    String pkg = c.servicePackage();
    if (c.decl().isEnumDeclaration()) {
      List<EnumValue> values = new ArrayList<>();
      for (String[] v : Models.enumValues(c)) values.add(new EnumValue(v[0], v[1]));
      return new TypeDef(c.simpleName(), pkg, "enum", null, values);
    }
    List<Field> fields = new ArrayList<>();
    boolean secretType = c.simpleName().contains("Secret");
    for (FieldInfo f : models.fields(c)) {
      String type = models.typeOf(f.javaType(), c, more);
      String location;
      if (f.header() != null) location = "header";
      else if (f.queryParam() != null) location = "query";
      else if (type.equals("stream")) location = "stream";
      else if (OperationExtractor.isBody(f)) location = "body";
      else if (pathFields.contains(f.name())) location = "path";
      else location = "none";
      String wire = f.wireName();
      boolean stringish = type.equals("string") || type.equals("bytes");
      boolean sensitive = stringish
          && (SENSITIVE.contains(wire) || wire.endsWith("_plaintext")
              || (secretType && SENSITIVE_IN_SECRET_TYPES.contains(wire)));
      boolean alsoJson = !location.equals("body") && f.jsonProperty() != null && !f.jsonIgnore();
      fields.add(new Field(f.name(), wire, type, location, required.contains(wire), sensitive, alsoJson));
    }
    if (fields.stream().anyMatch(f -> f.location().equals("none"))) {
      fields.stream().filter(f -> f.location().equals("none")).forEach(f ->
          problems.add(c.where() + "." + f.name(), "field is neither body, query, header nor a path parameter"));
    }
    return new TypeDef(c.simpleName(), pkg, "object", fields, null);
  }

  private static Service service(ServiceDraft s, Map<String, TypeDef> types) {
    List<Operation> ops = new ArrayList<>();
    for (OpDraft o : s.operations) {
      String token = Idempotency.token(o, o.requestType == null ? null : types.get(o.requestType));
      ops.add(new Operation(o.name, o.verb, o.path, o.pathParams, o.queryParams, o.headerParams,
          o.body, o.requestType, o.responseType, o.responseKind, o.responseHeaders, o.accept,
          o.contentType, o.workspaceIdHeader, o.required, token, o.pagination,
          o.wait, o.lro, o.dataPlane, Idempotency.isIdempotent(o, token), Idempotency.isResumable(o),
          o.notes));
    }
    ops.sort(Comparator.comparing(Operation::name));
    s.subServices.sort(Comparator.comparing(x -> x.accessor()));
    s.waiters.sort(Comparator.comparing(w -> w.name()));
    return new Service(s.name, s.name + "Api", s.pkg, s.level, s.accessor, s.officialAccessor,
        s.parent, s.subServices, s.inheritedBy, s.officialMixin, ops, s.waiters);
  }

  private static Counts count(List<Service> services, Collection<TypeDef> types) {
    int ws = 0, wsOps = 0, acct = 0, acctOps = 0, ops = 0, paged = 0, waiters = 0, waiting = 0, lro = 0;
    for (Service s : services) {
      int n = s.operations().size();
      ops += n;
      if ("account".equals(s.level())) { acct++; acctOps += n; } else { ws++; wsOps += n; }
      waiters += s.waiters().size();
      for (Operation o : s.operations()) {
        if (o.pagination() != null) paged++;
        if (o.waitStart() != null) waiting++;
        if (o.lro() != null) lro++;
      }
    }
    int enums = (int) types.stream().filter(t -> t.kind().equals("enum")).count();
    return new Counts(services.size(), ops, ws, wsOps, acct, acctOps, types.size() - enums, enums,
        paged, waiters, waiting, lro);
  }

  private static Counts sum(Collection<Counts> all) {
    int[] t = new int[12];
    for (Counts c : all) {
      int[] v = {c.services(), c.operations(), c.workspaceServices(), c.workspaceOperations(),
          c.accountServices(), c.accountOperations(), c.types(), c.enums(), c.paginated(),
          c.waiters(), c.waitingOperations(), c.lroOperations()};
      for (int i = 0; i < t.length; i++) t[i] += v[i];
    }
    return new Counts(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11]);
  }
}
