package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Pages;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Reply;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Jobs API at the versions clients still call. {@code /api/2.2} pages the task, job cluster,
 * parameter and environment arrays of a job or run at 100 elements with {@code next_page_token};
 * {@code /api/2.1} answers the same without paging them; {@code /api/2.0} answers list, get,
 * run-now, runs/get and runs/list with the fields of its single-task format besides: a job with
 * one task shows that task's settings at the top of {@code settings}, a run of one task its
 * {@code task}, {@code cluster_spec} and {@code cluster_instance}.
 */
public final class JobsVersions {
  /** The most elements of one array a 2.2 get answers. */
  static final int ARRAY_PAGE = 100;
  private static final String V22 = "/api/2.2/jobs/";
  private static final Set<String> LEGACY = Set.of("list", "get", "run-now", "runs/get", "runs/list");
  private static final List<String> JOB_ARRAYS = List.of("tasks", "job_clusters", "parameters", "environments");
  private static final List<String> RUN_ARRAYS = List.of("tasks", "job_clusters", "iterations");
  private static final Set<String> TASK_ONLY = Set.of("task_key", "depends_on", "description", "run_if",
      "run_id", "attempt_number", "start_time", "end_time", "setup_duration", "execution_duration", "cleanup_duration",
      "run_duration", "state", "status", "run_page_url", "cluster_instance");

  private JobsVersions() {
  }

  /** The 2.2 path that serves a 2.0 or 2.1 jobs path, or null when the path is not one. */
  public static String route(String path) {
    if (path.startsWith("/api/2.1/jobs/")) {
      return V22 + path.substring("/api/2.1/jobs/".length());
    }
    if (path.startsWith("/api/2.0/jobs/") && LEGACY.contains(path.substring("/api/2.0/jobs/".length()))) {
      return V22 + path.substring("/api/2.0/jobs/".length());
    }
    return null;
  }

  /**
   * Prepares a request before the 2.2 handler: a 2.0 list shows every job's settings and run's
   * task, so it asks for the tasks it lifts. Returns whether it asked for them on the client's behalf.
   */
  public static boolean prepare(String path, Call call) {
    if ((path.equals("/api/2.0/jobs/list") || path.equals("/api/2.0/jobs/runs/list"))
        && !call.query().containsKey("expand_tasks")) {
      call.query().put("expand_tasks", List.of("true"));
      return true;
    }
    return false;
  }

  /**
   * The answer of the 2.2 handler as the version of {@code path} gives it.
   *
   * @param expanded whether {@link #prepare} asked for the tasks the client did not ask for
   */
  public static Reply adapt(String path, Call call, Reply reply, boolean expanded) {
    if (!(reply instanceof Reply.JsonReply json) || json.status() != 200 || !(json.body() instanceof ObjectNode body)
        || !path.startsWith("/api/2.") || !path.contains("/jobs/")) {
      return reply;
    }
    String rest = path.substring(path.indexOf("/jobs/") + "/jobs/".length());
    if (path.startsWith(V22)) {
      if (rest.equals("get") && body.get("settings") instanceof ObjectNode settings) {
        page(body, settings, JOB_ARRAYS, call.param("page_token"));
      } else if (rest.equals("runs/get")) {
        page(body, body, RUN_ARRAYS, call.param("page_token"));
      }
      return reply;
    }
    if (!path.startsWith("/api/2.0/")) {
      return reply;
    }
    switch (rest) {
      case "get" -> legacyJob(body, true);
      case "list" -> body.path("jobs").forEach(j -> legacyJob((ObjectNode) j, !expanded));
      case "run-now" -> {
        if (body.has("run_id") && !body.has("number_in_job")) {
          body.put("number_in_job", body.get("run_id").asLong());
        }
      }
      case "runs/get" -> legacyRun(body);
      case "runs/list" -> body.path("runs").forEach(r -> {
        legacyRun((ObjectNode) r);
        if (expanded) {
          ((ObjectNode) r).remove("tasks");
        }
      });
      default -> {
      }
    }
    return reply;
  }

  /** Keeps {@link #ARRAY_PAGE} elements of each array from the page token's offset on; says whether more follow. */
  private static void page(ObjectNode top, ObjectNode holder, List<String> arrays, String token) {
    int offset = token == null || token.isEmpty() ? 0 : Pages.offsetOf(token);
    boolean more = false;
    for (String a : arrays) {
      if (holder.get(a) instanceof ArrayNode array && (array.size() > ARRAY_PAGE || offset > 0)) {
        ArrayNode slice = Json.array();
        for (int i = offset; i < Math.min(array.size(), offset + ARRAY_PAGE); i++) {
          slice.add(array.get(i));
        }
        more |= array.size() > offset + ARRAY_PAGE;
        holder.set(a, slice);
      }
    }
    if (more) {
      top.put("next_page_token", Pages.offsetToken(offset + ARRAY_PAGE));
      top.put("has_more", true);
    }
  }

  /** A job in 2.0's terms: one task's settings lifted to the job's settings, in single-task format. */
  private static void legacyJob(ObjectNode job, boolean keepTasks) {
    if (!(job.get("settings") instanceof ObjectNode settings)) {
      return;
    }
    JsonNode tasks = settings.get("tasks");
    if (tasks != null && tasks.isArray() && tasks.size() == 1) {
      Iterator<Map.Entry<String, JsonNode>> fields = tasks.get(0).fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (!TASK_ONLY.contains(f.getKey()) && !settings.has(f.getKey())) {
          settings.set(f.getKey(), f.getValue().deepCopy());
        }
      }
      settings.put("format", "SINGLE_TASK");
    }
    if (!keepTasks) {
      settings.remove("tasks");
      settings.remove("job_clusters");
    }
  }

  /** A run in 2.0's terms: the task, cluster spec and cluster instance of a run of one task. */
  private static void legacyRun(ObjectNode run) {
    JsonNode tasks = run.get("tasks");
    if (tasks == null || !tasks.isArray() || tasks.size() != 1) {
      return;
    }
    JsonNode t = tasks.get(0);
    ObjectNode task = Json.object();
    ObjectNode spec = Json.object();
    t.fields().forEachRemaining(f -> {
      if (f.getKey().endsWith("_task")) {
        task.set(f.getKey(), f.getValue().deepCopy());
      } else if (List.of("existing_cluster_id", "new_cluster", "libraries", "job_cluster_key").contains(f.getKey())) {
        spec.set(f.getKey(), f.getValue().deepCopy());
      }
    });
    run.set("task", task);
    run.set("cluster_spec", spec);
    if (t.has("cluster_instance")) {
      run.set("cluster_instance", t.get("cluster_instance").deepCopy());
    }
    run.put("format", "SINGLE_TASK");
  }
}
