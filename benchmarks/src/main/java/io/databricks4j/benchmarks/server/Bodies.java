package io.databricks4j.benchmarks.server;

import java.nio.charset.StandardCharsets;

/** The JSON the fixture server answers with: shaped like a real workspace's, fixed so every peer parses the same bytes. */
final class Bodies {
  private Bodies() {}

  /** {@code GET /api/2.1/clusters/get}: a running autoscaling cluster with a driver and two executors, about 3 KB. */
  static byte[] cluster(String clusterId) {
    String node = """
        {"private_ip":"10.139.64.%d","public_dns":"","node_id":"5f1c2a9b7d3e4c%02d8a6b0f1e2d3c4b5a","instance_id":"i-0a1b2c3d4e5f6%02d",\
        "start_timestamp":1732500000000,"node_aws_attributes":{"is_spot":%s},"node_attributes":{"is_spot":%s},"host_private_ip":"10.139.0.%d"}""";
    String body = """
        {"cluster_id":"%s","creator_user_name":"someone@example.com",\
        "driver":%s,"executors":[%s,%s],\
        "spark_context_id":7316472947512371283,"driver_healthy":true,"jdbc_port":10000,"cluster_name":"nightly-etl",\
        "spark_version":"15.4.x-scala2.12","spark_conf":{"spark.databricks.delta.preview.enabled":"true","spark.sql.shuffle.partitions":"200",\
        "spark.databricks.io.cache.enabled":"true"},"aws_attributes":{"first_on_demand":1,"availability":"SPOT_WITH_FALLBACK",\
        "zone_id":"us-west-2a","instance_profile_arn":"arn:aws:iam::123456789012:instance-profile/etl","spot_bid_price_percent":100,\
        "ebs_volume_count":0},"node_type_id":"i3.xlarge","driver_node_type_id":"i3.xlarge","custom_tags":{"team":"data-platform",\
        "cost-center":"4711","env":"prod"},"spark_env_vars":{"PYSPARK_PYTHON":"/databricks/python3/bin/python3"},\
        "autotermination_minutes":60,"enable_elastic_disk":true,"disk_spec":{},"cluster_source":"UI",\
        "single_user_name":"someone@example.com","enable_local_disk_encryption":false,"instance_source":{"node_type_id":"i3.xlarge"},\
        "driver_instance_source":{"node_type_id":"i3.xlarge"},"data_security_mode":"SINGLE_USER","runtime_engine":"PHOTON",\
        "effective_spark_version":"15.4.x-photon-scala2.12","state":"RUNNING","state_message":"",\
        "start_time":1732400000000,"last_state_loss_time":1732500000000,"last_activity_time":1732510000000,\
        "last_restarted_time":1732500000000,"autoscale":{"min_workers":2,"max_workers":8,"target_workers":2},\
        "cluster_memory_mb":93696,"cluster_cores":12.0,"default_tags":{"Vendor":"Databricks","Creator":"someone@example.com",\
        "ClusterName":"nightly-etl","ClusterId":"%s"},"cluster_log_status":{"last_attempted":1732510000000},\
        "init_scripts_safe_mode":false,"spec":{"cluster_name":"nightly-etl","spark_version":"15.4.x-scala2.12",\
        "node_type_id":"i3.xlarge","autoscale":{"min_workers":2,"max_workers":8},"autotermination_minutes":60,\
        "data_security_mode":"SINGLE_USER","runtime_engine":"PHOTON"},"state_details":{"reason":"","message":""}}""";
    return body.formatted(clusterId, node.formatted(10, 0, 0, "false", "false", 10),
        node.formatted(11, 1, 1, "true", "true", 11), node.formatted(12, 2, 2, "true", "true", 12), clusterId)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** One page of {@code GET /api/2.1/clusters/list}: items {@code [from, to)}, about 700 bytes each. */
  static byte[] clusterPage(int from, int to, String nextPageToken) {
    StringBuilder sb = new StringBuilder(800 * (to - from) + 64).append("{\"clusters\":[");
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append(',');
      }
      String id = "%04d-%06d-list%04d".formatted(i % 10_000, i, i % 9973);
      sb.append("""
          {"cluster_id":"%s","creator_user_name":"user%d@example.com","cluster_name":"job-%d-run",\
          "spark_version":"15.4.x-scala2.12","node_type_id":"i3.xlarge","driver_node_type_id":"i3.xlarge",\
          "autotermination_minutes":0,"enable_elastic_disk":true,"cluster_source":"JOB","enable_local_disk_encryption":false,\
          "aws_attributes":{"first_on_demand":1,"availability":"SPOT_WITH_FALLBACK","zone_id":"us-west-2a"},\
          "data_security_mode":"SINGLE_USER","runtime_engine":"STANDARD","state":"TERMINATED",\
          "state_message":"Compute terminated after the job run","start_time":1732400000000,"terminated_time":1732410000000,\
          "num_workers":4,"default_tags":{"Vendor":"Databricks","ClusterId":"%s","JobId":"%d"},\
          "termination_reason":{"code":"JOB_FINISHED","type":"SUCCESS"}}""".formatted(id, i % 97, i, id, i));
    }
    sb.append(']');
    if (nextPageToken != null) {
      sb.append(",\"next_page_token\":\"").append(nextPageToken).append('"');
    }
    return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] error(String code, String message) {
    return ("{\"error_code\":\"" + code + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
  }
}
