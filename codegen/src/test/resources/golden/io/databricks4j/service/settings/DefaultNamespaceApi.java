package io.databricks4j.service.settings;

import io.databricks4j.core.ApiClient;
import io.databricks4j.core.http.QueryParams;
import io.databricks4j.service.settings.internal.DefaultNamespaceWire;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Service {@code settings.DefaultNamespace}, reached as {@code defaultNamespace()} of {@code
 * settings.Settings}.
 *
 * @see <a href="https://docs.databricks.com/api/workspace/defaultnamespace">REST API
 * reference</a>
 */
@Generated("io.databricks4j.codegen")
public class DefaultNamespaceApi {
  private final ApiClient api;

  private volatile DefaultNamespaceWire wire;

  /**
   * A service calling the API through {@code api}. Makes no request and builds no proxy.
   */
  public DefaultNamespaceApi(ApiClient api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  private DefaultNamespaceWire wire() {
    DefaultNamespaceWire w = wire;
    if (w == null) {
      w = api.wire(DefaultNamespaceWire.class);
      wire = w;
    }
    return w;
  }

  private String workspaceId() {
    return api.workspaceId().orElse(null);
  }

  /**
   * {@code DELETE /api/2.0/settings/types/default_namespace_ws/names/default}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/defaultnamespace/delete">REST API
   * reference</a>
   */
  public DeleteDefaultNamespaceSettingResponse delete(
      DeleteDefaultNamespaceSettingRequest request) {
    Objects.requireNonNull(request, "request");
    return wire().delete(workspaceId(), QueryParams.create()
        .add("etag", request.etag())
        .toMap());
  }

  /**
   * Calls {@link #delete(DeleteDefaultNamespaceSettingRequest)} with an empty request.
   */
  public DeleteDefaultNamespaceSettingResponse delete() {
    return delete(DeleteDefaultNamespaceSettingRequest.builder().build());
  }

  /**
   * {@code GET /api/2.0/settings/types/default_namespace_ws/names/default}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/defaultnamespace/get">REST API
   * reference</a>
   */
  public DefaultNamespaceSetting get(GetDefaultNamespaceSettingRequest request) {
    Objects.requireNonNull(request, "request");
    return wire().get(workspaceId(), QueryParams.create()
        .add("etag", request.etag())
        .toMap());
  }

  /**
   * Calls {@link #get(GetDefaultNamespaceSettingRequest)} with an empty request.
   */
  public DefaultNamespaceSetting get() {
    return get(GetDefaultNamespaceSettingRequest.builder().build());
  }

  /**
   * {@code PATCH /api/2.0/settings/types/default_namespace_ws/names/default}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/defaultnamespace/update">REST API
   * reference</a>
   */
  public DefaultNamespaceSetting update(UpdateDefaultNamespaceSettingRequest request) {
    Objects.requireNonNull(request, "request");
    return wire().update(workspaceId(), request);
  }

  /**
   * Calls {@link #update(UpdateDefaultNamespaceSettingRequest)} with an empty request.
   */
  public DefaultNamespaceSetting update() {
    return update(UpdateDefaultNamespaceSettingRequest.builder().build());
  }
}
