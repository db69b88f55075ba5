package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.ResourceAlreadyExists;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.catalog.CatalogInfo;
import io.databricks4j.service.catalog.ColumnInfo;
import io.databricks4j.service.catalog.ColumnTypeName;
import io.databricks4j.service.catalog.CreateCatalog;
import io.databricks4j.service.catalog.CreateSchema;
import io.databricks4j.service.catalog.CreateTableRequest;
import io.databricks4j.service.catalog.CreateVolumeRequestContent;
import io.databricks4j.service.catalog.DataSourceFormat;
import io.databricks4j.service.catalog.DeleteCatalogRequest;
import io.databricks4j.service.catalog.ListCatalogsRequest;
import io.databricks4j.service.catalog.ListCatalogsResponse;
import io.databricks4j.service.catalog.ListSchemasRequest;
import io.databricks4j.service.catalog.ListSummariesRequest;
import io.databricks4j.service.catalog.ListTablesRequest;
import io.databricks4j.service.catalog.SchemaInfo;
import io.databricks4j.service.catalog.TableInfo;
import io.databricks4j.service.catalog.TableSummary;
import io.databricks4j.service.catalog.TableType;
import io.databricks4j.service.catalog.UpdateCatalog;
import io.databricks4j.service.catalog.UpdateSchema;
import io.databricks4j.service.catalog.UpdateTableRequest;
import io.databricks4j.service.catalog.UpdateVolumeRequestContent;
import io.databricks4j.service.catalog.VolumeInfo;
import io.databricks4j.service.catalog.VolumeType;
import io.databricks4j.service.files.UploadRequest;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Unity Catalog catalogs, schemas, tables and volumes through the SDK, two items a page. */
class SdkUnityCatalogTest {
  @RegisterExtension
  static final LocalWorkspaceExtension LOCAL = new LocalWorkspaceExtension(LocalWorkspace.builder().pageSize(2));
  private static WorkspaceClient w;

  @BeforeAll
  static void client(LocalWorkspace ws) {
    w = ws.client();
  }

  @AfterAll
  static void close(LocalWorkspace ws) {
    w.close();
    assertThat(ws.internalErrors()).isZero();
  }

  private static CatalogInfo catalog(String name) {
    return w.catalogs().create(CreateCatalog.builder().name(name).comment("made by " + name).build());
  }

  private static SchemaInfo schema(String catalog, String name) {
    return w.schemas().create(CreateSchema.builder().catalogName(catalog).name(name).build());
  }

  private static TableInfo table(String catalog, String schema, String name) {
    return w.tables().create(CreateTableRequest.builder().catalogName(catalog).schemaName(schema).name(name)
        .tableType(TableType.EXTERNAL).dataSourceFormat(DataSourceFormat.DELTA)
        .storageLocation("s3://bucket/" + catalog + "/" + schema + "/" + name)
        .columns(List.of(ColumnInfo.builder().name("id").typeName(ColumnTypeName.LONG).typeText("bigint")
            .position(0L).build()))
        .build());
  }

  private static VolumeInfo volume(String catalog, String schema, String name) {
    return w.volumes().create(CreateVolumeRequestContent.builder().catalogName(catalog).schemaName(schema).name(name)
        .volumeType(VolumeType.MANAGED).build());
  }

  @Test
  void catalogsAreCreatedReadListedOverThreePagesUpdatedAndDeleted() {
    List<String> names = IntStream.range(0, 5).mapToObj(i -> "cat_pages_" + i).toList();
    names.forEach(SdkUnityCatalogTest::catalog);
    CatalogInfo read = w.catalogs().get("cat_pages_3");
    assertThat(read.fullName()).isEqualTo("cat_pages_3");
    assertThat(read.comment()).isEqualTo("made by cat_pages_3");
    assertThat(read.owner()).isEqualTo(LocalWorkspace.DEFAULT_USER);
    assertThat(read.createdAt()).isPositive();

    ListCatalogsResponse first = w.catalogs().listPage(ListCatalogsRequest.builder().build());
    assertThat(first.catalogs()).hasSize(2);
    assertThat(first.nextPageToken()).isNotBlank();
    List<String> listed = w.catalogs().list(ListCatalogsRequest.builder().build()).stream().map(CatalogInfo::name)
        .filter(n -> n.startsWith("cat_pages_")).toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(names).doesNotHaveDuplicates();

    CatalogInfo updated = w.catalogs().update(UpdateCatalog.builder().name("cat_pages_0").comment("changed")
        .properties(Map.of("team", "sdk")).build());
    assertThat(updated.comment()).isEqualTo("changed");
    assertThat(w.catalogs().get("cat_pages_0").properties()).containsEntry("team", "sdk");

    w.catalogs().delete("cat_pages_4");
    assertThatThrownBy(() -> w.catalogs().get("cat_pages_4")).isInstanceOf(ResourceDoesNotExist.class)
        .hasMessageContaining("cat_pages_4");
  }

  @Test
  void renamingACatalogCarriesItsSchemasAlong() {
    catalog("cat_old");
    schema("cat_old", "s");
    CatalogInfo renamed = w.catalogs().update(UpdateCatalog.builder().name("cat_old").newName("cat_new").build());
    assertThat(renamed.name()).isEqualTo("cat_new");
    assertThat(w.schemas().get("cat_new.s").catalogName()).isEqualTo("cat_new");
    assertThatThrownBy(() -> w.catalogs().get("cat_old")).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void schemasPageWithinTheirCatalogAndUpdate() {
    catalog("cat_schemas");
    List<String> names = IntStream.range(0, 5).mapToObj(i -> "s" + i).toList();
    names.forEach(n -> schema("cat_schemas", n));
    List<String> listed = w.schemas().list("cat_schemas").stream().map(SchemaInfo::name).toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(names).doesNotHaveDuplicates();
    assertThat(w.schemas().listPage(ListSchemasRequest.builder().catalogName("cat_schemas").build()).schemas())
        .hasSize(2);

    SchemaInfo updated = w.schemas().update(UpdateSchema.builder().fullName("cat_schemas.s1").comment("c")
        .newName("s1_renamed").build());
    assertThat(updated.fullName()).isEqualTo("cat_schemas.s1_renamed");
    assertThat(w.schemas().get("cat_schemas.s1_renamed").comment()).isEqualTo("c");

    w.schemas().delete("cat_schemas.s0");
    assertThatThrownBy(() -> w.schemas().get("cat_schemas.s0")).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.schemas().list("no_such_catalog").stream().toList())
        .isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void tablesPageAreSummarisedCheckedForExistenceChangeOwnerAndAreDeleted() {
    catalog("cat_tables");
    schema("cat_tables", "sales");
    schema("cat_tables", "ops");
    List<String> names = IntStream.range(0, 5).mapToObj(i -> "t" + i).toList();
    names.forEach(n -> table("cat_tables", "sales", n));
    table("cat_tables", "ops", "log");

    TableInfo read = w.tables().get("cat_tables.sales.t2");
    assertThat(read.tableType()).isEqualTo(TableType.EXTERNAL);
    assertThat(read.columns()).extracting(ColumnInfo::name).containsExactly("id");
    assertThat(read.tableId()).isNotBlank();

    List<String> listed = w.tables().list("cat_tables", "sales").stream().map(TableInfo::name).toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(names).doesNotHaveDuplicates();
    List<TableInfo> withoutColumns = w.tables().list(ListTablesRequest.builder().catalogName("cat_tables")
        .schemaName("sales").omitColumns(true).build()).stream().toList();
    assertThat(withoutColumns).hasSize(5).allSatisfy(t -> assertThat(t.columns()).isNullOrEmpty());

    List<String> summaries = w.tables().listSummaries(ListSummariesRequest.builder().catalogName("cat_tables")
        .schemaNamePattern("%").tableNamePattern("t%").build()).stream().map(TableSummary::fullName).toList();
    assertThat(summaries).hasSize(5).doesNotHaveDuplicates().allMatch(n -> n.startsWith("cat_tables.sales.t"));

    assertThat(w.tables().exists("cat_tables.sales.t0").tableExists()).isTrue();
    assertThat(w.tables().exists("cat_tables.sales.nope").tableExists()).isFalse();

    w.tables().update(UpdateTableRequest.builder().fullName("cat_tables.sales.t0").owner("data-team").build());
    assertThat(w.tables().get("cat_tables.sales.t0").owner()).isEqualTo("data-team");

    w.tables().delete("cat_tables.sales.t0");
    assertThat(w.tables().exists("cat_tables.sales.t0").tableExists()).isFalse();
    assertThatThrownBy(() -> w.tables().get("cat_tables.sales.t0")).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void managedVolumesAreDirectoriesOfTheFilesApiAndFollowRenames() throws Exception {
    catalog("cat_volumes");
    schema("cat_volumes", "raw");
    List<String> names = IntStream.range(0, 5).mapToObj(i -> "v" + i).toList();
    names.forEach(n -> volume("cat_volumes", "raw", n));
    assertThat(w.volumes().list("cat_volumes", "raw").stream().map(VolumeInfo::name).toList())
        .containsExactlyInAnyOrderElementsOf(names).doesNotHaveDuplicates();
    assertThat(w.volumes().read("cat_volumes.raw.v1").volumeType()).isEqualTo(VolumeType.MANAGED);

    byte[] bytes = "in a volume".getBytes(StandardCharsets.UTF_8);
    w.files().upload(UploadRequest.builder().filePath("/Volumes/cat_volumes/raw/v1/a.txt")
        .contents(new ByteArrayInputStream(bytes)).build());
    VolumeInfo renamed = w.volumes().update(UpdateVolumeRequestContent.builder().name("cat_volumes.raw.v1")
        .newName("v1_renamed").comment("moved").build());
    assertThat(renamed.fullName()).isEqualTo("cat_volumes.raw.v1_renamed");
    try (InputStream in = w.files().download("/Volumes/cat_volumes/raw/v1_renamed/a.txt").contents()) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }

    w.volumes().delete("cat_volumes.raw.v1_renamed");
    assertThatThrownBy(() -> w.volumes().read("cat_volumes.raw.v1_renamed")).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.files().getMetadata("/Volumes/cat_volumes/raw/v1_renamed/a.txt"))
        .isInstanceOf(DatabricksError.class);
  }

  @Test
  void aNonEmptyCatalogIsDeletedOnlyWhenForced() {
    catalog("cat_full");
    schema("cat_full", "s");
    volume("cat_full", "s", "v");
    assertThatThrownBy(() -> w.catalogs().delete("cat_full"))
        .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.errorCode()).isEqualTo("CATALOG_NOT_EMPTY"));
    w.catalogs().delete(DeleteCatalogRequest.builder().name("cat_full").force(true).build());
    assertThatThrownBy(() -> w.schemas().get("cat_full.s")).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.volumes().read("cat_full.s.v")).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void duplicatesMissingParentsAndMissingFieldsAreTypedErrors() {
    catalog("cat_errors");
    schema("cat_errors", "s");
    volume("cat_errors", "s", "v");
    assertThatThrownBy(() -> catalog("cat_errors")).isInstanceOf(ResourceAlreadyExists.class)
        .hasMessageContaining("cat_errors");
    assertThatThrownBy(() -> catalog("CAT_ERRORS")).as("names are case-insensitive")
        .isInstanceOf(ResourceAlreadyExists.class);
    assertThatThrownBy(() -> schema("cat_errors", "s")).isInstanceOf(ResourceAlreadyExists.class);
    assertThatThrownBy(() -> table("cat_errors", "s", "v")).as("a table cannot take a volume's name")
        .isInstanceOf(ResourceAlreadyExists.class);
    assertThatThrownBy(() -> schema("no_such_catalog", "s")).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> volume("cat_errors", "no_such_schema", "v")).isInstanceOf(ResourceDoesNotExist.class);

    assertThatThrownBy(() -> w.catalogs().create(CreateCatalog.builder().comment("no name").build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("name");
    assertThatThrownBy(() -> w.catalogs().create(CreateCatalog.builder().name("has.dot").build()))
        .isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(() -> w.volumes().create(CreateVolumeRequestContent.builder().catalogName("cat_errors")
        .schemaName("s").name("ext").volumeType(VolumeType.EXTERNAL).build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("storage_location");
    assertThatThrownBy(() -> w.tables().create(CreateTableRequest.builder().catalogName("cat_errors").schemaName("s")
        .name("ext").tableType(TableType.EXTERNAL).build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("storage_location");
    assertThatThrownBy(() -> w.catalogs().update(UpdateCatalog.builder().name("no_such_catalog").comment("x").build()))
        .isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.catalogs().delete("no_such_catalog")).isInstanceOf(ResourceDoesNotExist.class);
  }
}
