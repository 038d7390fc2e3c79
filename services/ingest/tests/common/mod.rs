//! Shared by the ingest integration tests: syslog lines made into what a
//! receiver submits, and committing a submission.

use chrono::Utc;
use garrison_core::TenantId;
use garrison_core::event::Channel;
use garrison_ingest::Ingest;
use garrison_ingest::normalize::Arrival;
use garrison_ingest::pipeline::text_event;
use garrison_ingest::writer::Submission;

/// The tenant's syslog lines, parsed as the TCP receiver parses them.
pub fn submission(tenant: TenantId, lines: impl IntoIterator<Item = String>) -> Submission {
    let mut submission = Submission::default();
    for line in lines {
        let arrival = Arrival::new(tenant, Channel::SyslogTcp, Utc::now(), 1024);
        submission.push(
            text_event(&line, &[], chrono_tz::Tz::UTC, &arrival),
            line.len() as u64,
        );
    }
    submission
}

/// Submits and waits for the commit.
pub async fn commit(ingest: &Ingest, submission: Submission) {
    ingest
        .writer
        .submit_and_wait(submission)
        .await
        .expect("taken")
        .expect("committed");
}
