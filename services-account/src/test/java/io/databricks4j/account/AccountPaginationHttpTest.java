package io.databricks4j.account;

import io.databricks4j.service.testing.WireConformance;
import io.databricks4j.service.testing.WireRequests;
import io.databricks4j.service.testing.WireServer;
import io.databricks4j.service.testing.WireServer.Answer;
import io.databricks4j.service.testing.WireServer.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.service.billing.BudgetConfiguration;
import io.databricks4j.service.billing.ListBudgetConfigurationsRequest;
import io.databricks4j.service.catalog.MetastoreInfo;
import io.databricks4j.service.iam.ListAccountUsersRequest;
import io.databricks4j.service.iam.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pagination styles of the account description (token, SCIM, single), end to end through the
 * generated services over three pages: the requests each page needs, and no more when a stream is
 * cut short.
 */
class AccountPaginationHttpTest {
  private static final String[] BUDGETS = {
      "{\"budgets\":[{\"budget_configuration_id\":\"b1\"},{\"budget_configuration_id\":\"b2\"}],\"next_page_token\":\"t2\"}",
      "{\"budgets\":[{\"budget_configuration_id\":\"b3\"},{\"budget_configuration_id\":\"b4\"}],\"next_page_token\":\"t3\"}",
      "{\"budgets\":[{\"budget_configuration_id\":\"b5\"}],\"next_page_token\":\"\"}"};
  // u2 shows up again on the second page (a user was added meanwhile): SCIM lists drop it
  private static final String[] USERS = {
      "{\"Resources\":[{\"id\":\"u1\"},{\"id\":\"u2\"}]}",
      "{\"Resources\":[{\"id\":\"u2\"},{\"id\":\"u3\"}]}",
      "{\"Resources\":[{\"id\":\"u4\"}]}",
      "{\"Resources\":[]}"};

  private WireServer server;
  private AccountClient a;

  @BeforeEach
  void start() {
    server = new WireServer();
    a = LocalAccount.client(server.url());
  }

  @AfterEach
  void stop() {
    a.close();
    server.close();
  }

  @Test
  void tokenPagesFollowNextPageTokenUntilItIsEmpty() {
    server.respondInTurn(BUDGETS);

    assertThat(a.budgets().list(ListBudgetConfigurationsRequest.builder().build()))
        .extracting(BudgetConfiguration::budgetConfigurationId).containsExactly("b1", "b2", "b3", "b4", "b5");
    assertThat(server.drain()).extracting(Recorded::toString).containsExactly(
        "GET /api/2.1/accounts/acc-1/budgets",
        "GET /api/2.1/accounts/acc-1/budgets?page_token=t2",
        "GET /api/2.1/accounts/acc-1/budgets?page_token=t3");
  }

  @Test
  void aLimitedTokenStreamFetchesOnlyThePagesItReads() {
    server.respondInTurn(BUDGETS);

    assertThat(a.budgets().list(ListBudgetConfigurationsRequest.builder().build()).stream().limit(3))
        .extracting(BudgetConfiguration::budgetConfigurationId).containsExactly("b1", "b2", "b3");
    assertThat(server.drain()).hasSize(2);
  }

  @Test
  void scimPagesAdvanceTheOneBasedStartIndexByTheItemsReceivedUntilAnEmptyPage() {
    server.respondInTurn(USERS);

    assertThat(a.users().list(ListAccountUsersRequest.builder().count(2L).build()))
        .extracting(User::id).containsExactly("u1", "u2", "u3", "u4");
    assertThat(server.drain()).extracting(Recorded::toString).containsExactly(
        "GET /api/2.0/accounts/acc-1/scim/v2/Users?count=2&startIndex=1",
        "GET /api/2.0/accounts/acc-1/scim/v2/Users?count=2&startIndex=3",
        "GET /api/2.0/accounts/acc-1/scim/v2/Users?count=2&startIndex=5",
        "GET /api/2.0/accounts/acc-1/scim/v2/Users?count=2&startIndex=6");
  }

  @Test
  void aLimitedScimStreamFetchesOnlyThePagesItReads() {
    server.respondInTurn(USERS);

    assertThat(a.users().list(ListAccountUsersRequest.builder().count(2L).build()).stream().limit(3))
        .extracting(User::id).containsExactly("u1", "u2", "u3");
    assertThat(server.drain()).hasSize(2);
  }

  @Test
  void singlePageListsMakeOneRequest() {
    server.respondInTurn("{\"metastores\":[{\"metastore_id\":\"m1\"},{\"metastore_id\":\"m2\"},{\"metastore_id\":\"m3\"}]}");

    assertThat(a.metastores().list()).extracting(MetastoreInfo::metastoreId).containsExactly("m1", "m2", "m3");
    assertThat(server.drain()).extracting(Recorded::toString).containsExactly("GET /api/2.0/accounts/acc-1/metastores");
  }
}
