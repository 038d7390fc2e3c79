// What a customer admin sees at their report's address while the provider does not share it:
// a plain statement, not an error (the API answers NOT_FOUND, which is its way of saying no).

export function ReportNotShared() {
  return (
    <section aria-labelledby="report-not-shared-title" className="panel">
      <h2 id="report-not-shared-title">Account report</h2>
      <p role="status">Your provider has not shared account reports with your organization.</p>
      <p className="muted">Ask your account manager if you would like to read your monthly usage, SLA and invoices here.</p>
    </section>
  );
}
