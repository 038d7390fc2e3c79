// Where the API serves the reports as CSV (`GET /reports/account.csv`, `/reports/portfolio.csv`,
// bearer auth like /graphql) and the file names the console saves them under.

export function accountCsv(tenantId: string, month: string, slug?: string): { url: string; filename: string } {
  return {
    url: `/reports/account.csv?${new URLSearchParams({ tenant: tenantId, month }).toString()}`,
    filename: `account-${slug ?? tenantId}-${month}.csv`,
  };
}

export function portfolioCsv(month: string): { url: string; filename: string } {
  return {
    url: `/reports/portfolio.csv?${new URLSearchParams({ month }).toString()}`,
    filename: `portfolio-${month}.csv`,
  };
}
