package io.databricks4j.mixin.dbutils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.databricks4j.error.ConfigException;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.mixin.compute.ClustersExt;
import io.databricks4j.service.compute.Command;
import io.databricks4j.service.compute.CommandExecutionApi;
import io.databricks4j.service.compute.CommandStatus;
import io.databricks4j.service.compute.CommandStatusResponse;
import io.databricks4j.service.compute.CreateContext;
import io.databricks4j.service.compute.Language;
import io.databricks4j.service.compute.ResultType;
import io.databricks4j.service.compute.Results;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs {@code dbutils.<utility>.<method>(*args)} in a Python execution context on the configured
 * cluster (started first when it is not running) and returns its JSON result. One context per
 * client, made on first use.
 */
final class CommandRunner {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*[A-Za-z]");

  private final Supplier<Optional<String>> clusterId;
  private final ClustersExt clusters;
  private final CommandExecutionApi commands;
  private final ObjectMapper mapper;
  private String cluster;
  private String context;

  CommandRunner(Supplier<Optional<String>> clusterId, ClustersExt clusters, CommandExecutionApi commands,
      ObjectMapper mapper) {
    this.clusterId = clusterId;
    this.clusters = clusters;
    this.commands = commands;
    this.mapper = mapper;
  }

  /** The JSON result of {@code dbutils.utility.method(*args)}: a String, Number, Boolean, List, Map or null. */
  Object call(String utility, String method, List<Object> args) {
    if (!IDENTIFIER.matcher(utility).matches() || !IDENTIFIER.matcher(method).matches()) {
      throw new IllegalArgumentException("not a dbutils utility and method: " + utility + "." + method);
    }
    String code = python(utility, method, args);
    String what = "dbutils." + utility + "." + method;
    CommandStatusResponse r;
    String[] target = ensureContext(what);
    try {
      r = execute(target, code);
    } catch (DatabricksError e) {
      // the context may have gone with a cluster restart: make a new one, once
      forgetContext();
      r = execute(ensureContext(what), code);
    }
    return result(what, target[0], r);
  }

  private CommandStatusResponse execute(String[] target, String code) {
    return commands.executeAndWait(Command.builder().clusterId(target[0]).contextId(target[1])
        .language(Language.PYTHON).command(code).build());
  }

  private synchronized String[] ensureContext(String what) {
    if (cluster == null) {
      cluster = clusterId.get().filter(s -> !s.isBlank()).orElseThrow(() -> new ConfigException(what
          + " runs on a cluster through the Command Execution API, and no cluster is configured: set cluster_id"
          + " (in ~/.databrickscfg or DatabricksConfig.builder().clusterId(...)) or the DATABRICKS_CLUSTER_ID"
          + " environment variable. dbutils.fs and dbutils.secrets need no cluster."));
    }
    if (context == null) {
      clusters.ensureClusterIsRunning(cluster);
      context = commands.createAndWait(CreateContext.builder().clusterId(cluster).language(Language.PYTHON).build()).id();
    }
    return new String[] {cluster, context};
  }

  private synchronized void forgetContext() {
    context = null;
  }

  private String python(String utility, String method, List<Object> args) {
    String json;
    try {
      json = mapper.writeValueAsString(args);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the arguments of dbutils." + utility + "." + method
          + " must be JSON values (strings, numbers, booleans, lists, maps): " + e.getOriginalMessage(), e);
    }
    String b64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    return "import base64, json\n"
        + "__d4j_args = json.loads(base64.b64decode('" + b64 + "').decode('utf-8'))\n"
        + "__d4j_result = dbutils." + utility + "." + method + "(*__d4j_args)\n"
        + "dbutils.notebook.exit(json.dumps(__d4j_result))\n";
  }

  private Object result(String what, String cluster, CommandStatusResponse r) {
    Results res = r.results();
    if (r.status() != CommandStatus.FINISHED || res == null || res.resultType() == ResultType.ERROR) {
      String cause = res == null ? null : res.cause() != null ? res.cause() : res.summary();
      throw new DatabricksException(what + " failed on cluster " + cluster + " (command " + r.status() + ")"
          + (cause == null ? "" : ": " + ANSI.matcher(cause).replaceAll("").strip()));
    }
    Object data = res.data();
    if (!(data instanceof String text)) {
      return data;
    }
    try {
      return mapper.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      return text;
    }
  }
}
