import io.databricks4j.WorkspaceClient;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.ListClustersRequest;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Compiled and run with databricks4j-all and slf4j-api alone on the class path. */
public class ListClusters {
  public static void main(String[] args) throws Exception {
    TreeSet<String> strategies = new TreeSet<>();
    ServiceLoader.load(CredentialsStrategy.class).forEach(s -> strategies.add(s.authType()));
    System.out.println("strategies: " + strategies);
    try (WorkspaceClient w = WorkspaceClient.create()) {
      for (ClusterDetails c : w.clusters().list(ListClustersRequest.builder().build())) {
        System.out.println("cluster " + c.clusterId() + " " + c.clusterName() + " " + c.state());
      }
      System.out.println("auth type: " + w.apiClient().authType());
      System.out.println("mapper: " + w.apiClient().objectMapper().getClass().getName());
    }
    try {
      Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
      System.out.println("unrelocated jackson: present");
    } catch (ClassNotFoundException e) {
      System.out.println("unrelocated jackson: absent");
    }
  }
}
