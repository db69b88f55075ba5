package io.databricks4j.testkit.internal.generic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations that keep answering 501 because a generic answer would mislead: they run code,
 * SQL or a model, return data the testkit does not hold, or hand out credentials for services
 * that do not exist. Keyed by {@code pkg.Service.operation}, or {@code pkg.Service} for all of a service.
 */
public final class NotEmulated {
  /** The module that emulates the Statement Execution API and SQL warehouses with an embedded engine. */
  public static final String TESTKIT_SQL = "testkit-sql";

  private static final Map<String, String> REASONS = new LinkedHashMap<>();

  static {
    put(TESTKIT_SQL + ": statements run on the embedded SQL engine of io.databricks4j:testkit-sql; add it next to "
        + "io.databricks4j:testkit (it brings DuckDB)",
        "sql.StatementExecution");
    put("no code runs on emulated clusters, so a command would have no result", "compute.CommandExecution");
    put("no model is served: an inference answer would be made up",
        "serving.ServingEndpoints.query");
    put("calls an external service through a UC connection", "serving.ServingEndpoints.httpRequest");
    put("the testkit stores no vectors: a query or scan would answer nothing whatever was upserted",
        "vectorsearch.VectorSearchIndexes.queryIndex", "vectorsearch.VectorSearchIndexes.queryNextPage",
        "vectorsearch.VectorSearchIndexes.scanIndex", "vectorsearch.VectorSearchIndexes.upsertDataVectorIndex",
        "vectorsearch.VectorSearchIndexes.deleteDataVectorIndex", "aisearch.AiSearch.queryIndex",
        "aisearch.AiSearch.scanIndex", "aisearch.AiSearch.upsertData", "aisearch.AiSearch.removeData");
    put("would hand out cloud credentials that work nowhere",
        "catalog.TemporaryPathCredentials.generateTemporaryPathCredentials",
        "catalog.TemporaryTableCredentials.generateTemporaryTableCredentials",
        "catalog.TemporaryVolumeCredentials.generateTemporaryVolumeCredentials",
        "catalog.Credentials.generateTemporaryServiceCredential", "settings.CredentialsManager.exchangeToken");
    put("would hand out a Postgres credential for a database the testkit does not run",
        "database.Database.generateDatabaseCredential", "postgres.Postgres.generateDatabaseCredential");
    put("the query results of a Genie answer need SQL and an LLM",
        "dashboards.Genie.executeMessageQuery", "dashboards.Genie.executeMessageAttachmentQuery",
        "dashboards.Genie.getMessageQueryResult", "dashboards.Genie.getMessageAttachmentQueryResult",
        "dashboards.Genie.getMessageQueryResultByAttachment", "dashboards.Genie.generateDownloadFullQueryResult",
        "dashboards.Genie.getDownloadFullQueryResult", "dashboards.Genie.downloadMessageAttachmentVisualization");
    put("a Genie answer comes from an LLM the testkit does not have: an empty answer would pass for a real one "
        + "(Genie spaces are emulated)",
        "dashboards.Genie.startConversation", "dashboards.Genie.createMessage", "dashboards.Genie.getMessage",
        "dashboards.Genie.listConversationMessages", "dashboards.Genie.deleteConversationMessage",
        "dashboards.Genie.listConversations", "dashboards.Genie.deleteConversation",
        "dashboards.Genie.createMessageComment", "dashboards.Genie.listMessageComments",
        "dashboards.Genie.listConversationComments", "dashboards.Genie.sendMessageFeedback",
        "dashboards.Genie.genieCreateEvalRun", "dashboards.Genie.genieGetEvalRun", "dashboards.Genie.genieListEvalRuns",
        "dashboards.Genie.genieGetEvalResultDetails", "dashboards.Genie.genieListEvalResults");
    put("an authorization decision the testkit cannot make: it models no policies", "iam.AccessControl.checkPolicy");
    put("Delta Sharing activation hands out a bearer token for a sharing server the testkit does not run",
        "sharing.RecipientActivation");
  }

  private NotEmulated() {
  }

  private static void put(String reason, String... names) {
    for (String n : List.of(names)) {
      REASONS.put(n, reason);
    }
  }

  /** Why {@code pkg.Service.operation} is not emulated, or null when it is. */
  public static String reason(String pkg, String service, String operation) {
    String r = REASONS.get(pkg + "." + service + "." + operation);
    return r != null ? r : REASONS.get(pkg + "." + service);
  }
}
