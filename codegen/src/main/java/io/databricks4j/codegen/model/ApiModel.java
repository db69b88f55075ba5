package io.databricks4j.codegen.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Our API description: facts about the Databricks REST API, one {@link PackageDescription} per
 * service package. Written by the extractor as JSON under {@code codegen/api/}, read by the
 * generator and by tests. Field names become snake_case JSON keys; see {@code codegen/README.md}.
 */
public final class ApiModel {
  private ApiModel() {}

  /** {@code index.json}: where the description came from and how big it is. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Index(
      int schemaVersion,
      String sourceArtifact,
      String sourceVersion,
      Counts totals,
      Map<String, Counts> packages,
      List<Unparsed> unparsed) {}

  /** Counts of one package (or of all). */
  public record Counts(
      int services,
      int operations,
      int workspaceServices,
      int workspaceOperations,
      int accountServices,
      int accountOperations,
      int types,
      int enums,
      int paginated,
      int waiters,
      int waitingOperations,
      int lroOperations) {}

  /** Something the extractor saw but could not turn into facts, and why. */
  public record Unparsed(String where, String reason) {}

  /** {@code <package>.json}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record PackageDescription(
      String name, List<Service> services, Map<String, TypeDef> types) {}

  /**
   * One service (an official {@code *Impl}). {@code level} is {@code workspace} or {@code
   * account}; {@code parent} names the service that exposes it when it is a sub-service.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Service(
      String name,
      String className,
      String packageName,
      String level,
      String accessor,
      String officialAccessor,
      String parent,
      List<SubService> subServices,
      String inheritedBy,
      String officialMixin,
      List<Operation> operations,
      List<Waiter> waiters) {}

  /** An accessor on a service that returns another service. */
  public record SubService(String accessor, String officialAccessor, String service) {}

  /**
   * One HTTP call. {@code idempotent}: repeating it has the effect of sending it once (see
   * {@code codegen/README.md} for the rule), so a failed attempt may be retried. {@code resumable}:
   * a download whose server honours {@code Range}, so a body cut short resumes where it broke off.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Operation(
      String name,
      String verb,
      String path,
      List<PathParam> pathParams,
      List<Param> queryParams,
      List<Param> headerParams,
      Body body,
      String requestType,
      String responseType,
      String responseKind,
      List<Param> responseHeaders,
      String accept,
      String contentType,
      boolean workspaceIdHeader,
      List<String> required,
      String idempotencyToken,
      Pagination pagination,
      @com.fasterxml.jackson.annotation.JsonProperty("wait") WaitStart waitStart,
      Lro lro,
      DataPlane dataPlane,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean idempotent,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean resumable,
      List<String> notes) {}

  /**
   * A path parameter: {@code source} is {@code request} (a request field) or {@code config} (the
   * configured account id). {@code multiSegment} params may contain slashes and are encoded per
   * segment.
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public record PathParam(
      String name, String field, String type, String source, boolean multiSegment) {}

  /** A query or header parameter; {@code flattened} lists leaf keys of object-valued params. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Param(String name, String field, String type, List<FlatParam> flattened) {}

  /** A leaf of a flattened object-valued query parameter, e.g. {@code filter_by.is_pinned}. */
  public record FlatParam(String name, String type) {}

  /**
   * The request body. {@code kind}: {@code json} (the request's body fields), {@code field} (one
   * field of the request is the whole body), {@code map} (the request is a map), {@code stream}
   * (raw bytes from a stream field).
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Body(String kind, String type, String field, List<String> fields) {}

  /**
   * How a list operation pages. {@code style}: {@code token}, {@code next_request}, {@code scim},
   * {@code page_number}, {@code single}.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Pagination(
      String style,
      String itemsField,
      String itemType,
      String requestTokenField,
      String responseTokenField,
      String offsetField,
      Long firstOffset,
      String pageField,
      Long firstPage,
      String limitField,
      String dedupeKey,
      Map<String, String> requestDefaults,
      String method) {}

  /** A waiter: poll {@code pollOperation} until {@code statusPath} is a target state. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Waiter(
      String name,
      String pollOperation,
      String pollRequestType,
      String resultType,
      List<WaiterParam> params,
      String statusPath,
      String statusType,
      List<String> targetStates,
      List<String> failureStates,
      String messagePath,
      String defaultTimeout) {}

  /** A waiter parameter and the poll-request field it fills. */
  public record WaiterParam(String name, String type, String requestField) {}

  /** An operation that starts a waiter; each arg is taken from the request or the response. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record WaitStart(String waiter, List<WaitArg> args, boolean returnsResponse) {}

  /** {@code from}: {@code request} or {@code response}; {@code path}: wire field path. */
  public record WaitArg(String param, String from, String path) {}

  /** A long-running operation (google.longrunning style {@code Operation} resource). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Lro(
      String wrapper,
      String operationType,
      String resultType,
      String metadataType,
      String pollOperation,
      String pollRequestType,
      String pollRequestField,
      String nameField) {}

  /** Data-plane routing: the URL and auth come from another operation's response. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record DataPlane(
      String infoOperation, Map<String, String> infoRequest, String infoPath, String urlField) {}

  /** A model: {@code kind} is {@code object} or {@code enum}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record TypeDef(
      String name, String packageName, String kind, List<Field> fields, List<EnumValue> values) {}

  /**
   * A model field. {@code location}: {@code body}, {@code query}, {@code path}, {@code header},
   * {@code stream} (raw content) or {@code none} (not sent on the wire). {@code alsoJson}: a
   * query field that is a JSON property too (fields of objects used as query values, which also
   * appear inside bodies and responses).
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public record Field(
      String name,
      String wireName,
      String type,
      String location,
      boolean required,
      boolean sensitive,
      boolean alsoJson) {
    /** Whether the field is read from and written to JSON. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isJson() {
      return location.equals("body") || alsoJson;
    }
  }

  /** An enum constant: Java-ish name and the value on the wire. */
  public record EnumValue(String name, String wire) {}
}
