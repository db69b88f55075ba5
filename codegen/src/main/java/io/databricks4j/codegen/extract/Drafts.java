package io.databricks4j.codegen.extract;

import io.databricks4j.codegen.model.ApiModel.Body;
import io.databricks4j.codegen.model.ApiModel.DataPlane;
import io.databricks4j.codegen.model.ApiModel.Lro;
import io.databricks4j.codegen.model.ApiModel.Pagination;
import io.databricks4j.codegen.model.ApiModel.Param;
import io.databricks4j.codegen.model.ApiModel.PathParam;
import io.databricks4j.codegen.model.ApiModel.SubService;
import io.databricks4j.codegen.model.ApiModel.WaitStart;
import io.databricks4j.codegen.model.ApiModel.Waiter;
import io.databricks4j.codegen.extract.SourceSet.ClassInfo;
import java.util.ArrayList;
import java.util.List;

/** Mutable facts gathered in several passes before they become description records. */
final class Drafts {
  private Drafts() {}

  static final class ServiceDraft {
    String name;
    String pkg;
    ClassInfo impl;
    ClassInfo api;
    String level;
    String accessor;
    String officialAccessor;
    String parent;
    String inheritedBy;
    String officialMixin;
    final List<SubService> subServices = new ArrayList<>();
    final List<OpDraft> operations = new ArrayList<>();
    final List<Waiter> waiters = new ArrayList<>();

    String key() {
      return pkg + "." + name;
    }

    OpDraft op(String name) {
      return operations.stream().filter(o -> o.name.equals(name)).findFirst().orElse(null);
    }
  }

  static final class OpDraft {
    String name;
    String verb;
    String path;
    final List<PathParam> pathParams = new ArrayList<>();
    final List<Param> queryParams = new ArrayList<>();
    final List<Param> headerParams = new ArrayList<>();
    Body body;
    ClassInfo requestClass;
    String requestType;
    ClassInfo responseClass;
    String responseType = "void";
    String responseKind = "void";
    final List<Param> responseHeaders = new ArrayList<>();
    String accept;
    String contentType;
    boolean workspaceIdHeader;
    final List<String> required = new ArrayList<>();
    String idempotencyToken;
    Pagination pagination;
    WaitStart wait;
    Lro lro;
    DataPlane dataPlane;
    final List<String> notes = new ArrayList<>();
  }
}
