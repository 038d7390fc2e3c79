//! The syslog receivers: UDP (one message per datagram) and TCP (RFC 6587
//! framing). A message names its tenant with an ingest token in RFC 5424
//! structured data (`[garrison@32473 token="..."]`), which wins; else by the TLS
//! client certificate bound to the tenant (TLS only); else by its sender's
//! address falling in a range bound to the tenant; otherwise it is refused and
//! counted. A token's configured log-source tags apply to its messages.
//!
//! TCP applies backpressure: the connection is read only while the writer has
//! room and the tenant's rate allows, so a flood slows its own sender. UDP cannot
//! be slowed: what does not fit is counted as rejected.

use crate::Ingest;
use crate::directory::TenantInfo;
use crate::framing::{Frame, FrameDecoder};
use crate::normalize::Arrival;
use crate::pipeline::{
    TOKEN_SD_ID, dead_letter, decode_text, redact_tokens, text_event, token_in_structured_data,
};
use crate::writer::{Pending, Rejected, Submission};
use chrono::Utc;
use foldhash::HashMap;
use garrison_core::TenantId;
use garrison_core::event::{Channel, LogSource};
use std::borrow::Cow;
use std::net::SocketAddr;
use std::sync::{Arc, LazyLock};
use std::time::Duration;
use tokio::io::AsyncReadExt;
use tokio::net::{TcpListener, UdpSocket};

/// Binds UDP and TCP on `addr`; returns the bound addresses and the tasks.
pub async fn start(
    ingest: Arc<Ingest>,
    addr: SocketAddr,
) -> std::io::Result<(SocketAddr, Vec<tokio::task::JoinHandle<()>>)> {
    let tcp = TcpListener::bind(addr).await?;
    let bound = tcp.local_addr()?;
    // UDP on the same port as TCP (the port may have been chosen by the OS).
    let udp = UdpSocket::bind(bound).await?;
    let tcp_task = tokio::spawn(accept_tcp(ingest.clone(), tcp));
    let udp_task = tokio::spawn(receive_udp(ingest, udp));
    tracing::info!(%bound, "syslog listening on udp and tcp");
    Ok((bound, vec![tcp_task, udp_task]))
}

async fn accept_tcp(ingest: Arc<Ingest>, listener: TcpListener) {
    loop {
        match listener.accept().await {
            Ok((stream, peer)) => {
                let _ = stream.set_nodelay(true);
                tokio::spawn(serve_stream(
                    ingest.clone(),
                    stream,
                    peer,
                    Channel::SyslogTcp,
                    None,
                ));
            }
            Err(e) => {
                tracing::warn!(error = %e, "syslog tcp accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

/// Reads framed syslog from a stream (TCP or TLS) until it ends.
pub async fn serve_stream<S: tokio::io::AsyncRead + Unpin>(
    ingest: Arc<Ingest>,
    mut stream: S,
    peer: SocketAddr,
    channel: Channel,
    certificate: Option<String>,
) {
    let mut decoder = FrameDecoder::new(ingest.config.max_frame_bytes);
    let mut buf = vec![0u8; 256 * 1024];
    let mut room = 0;
    loop {
        let n = match stream.read(&mut buf).await {
            Ok(0) | Err(_) => 0,
            Ok(n) => n,
        };
        // Frames borrow from this read's buffer, so the list is the read's own.
        let mut frames = Vec::with_capacity(room);
        if n == 0 {
            frames.extend(decoder.finish());
        } else {
            decoder.feed(&buf[..n], &mut frames);
        }
        room = frames.len();
        let (mut submission, close) =
            build(&ingest, &frames, peer, channel, certificate.as_deref()).await;
        if !submission.events().is_empty() || !submission.dead_letters.is_empty() {
            throttle(&ingest, &mut submission, channel).await;
            if ingest.writer.submit_when_room(submission).await.is_err() {
                return;
            }
        }
        if n == 0 || close {
            if close {
                tracing::warn!(%peer, "syslog frame miscounted; connection closed");
            }
            return;
        }
    }
}

async fn receive_udp(ingest: Arc<Ingest>, socket: UdpSocket) {
    let mut buf = vec![0u8; 65_536];
    loop {
        let Ok((n, peer)) = socket.recv_from(&mut buf).await else {
            continue;
        };
        let limit = ingest.config.max_frame_bytes;
        let truncated = n > limit;
        let mut bytes = buf.get(..n.min(limit)).unwrap_or_default();
        while let [rest @ .., b'\n' | b'\r' | b'\0'] = bytes {
            bytes = rest;
        }
        if bytes.is_empty() {
            continue;
        }
        let frames = [Frame {
            bytes: Cow::Borrowed(bytes),
            truncated,
            miscounted: false,
        }];
        let (mut submission, _) = build(&ingest, &frames, peer, Channel::SyslogUdp, None).await;
        refuse_over_quota(&ingest, &mut submission).await;
        if let Err((_, dropped)) = ingest.writer.try_submit(submission) {
            // The writer is full and a datagram cannot wait: count what is
            // lost, and keep what the submission itself had to record.
            let _ = ingest
                .writer
                .submit_when_room(dropped.into_lost(Channel::SyslogUdp))
                .await;
        }
    }
}

/// Turns frames into events for their tenants; `true` asks to close the stream.
async fn build(
    ingest: &Ingest,
    frames: &[Frame<'_>],
    peer: SocketAddr,
    channel: Channel,
    certificate: Option<&str>,
) -> (Submission, bool) {
    let mut submission = Submission::default();
    submission.reserve(frames.len(), frames.iter().map(|f| f.bytes.len()).sum());
    let mut close = false;
    let peer_tenant = sender_tenant(ingest, peer, certificate).await;
    let received_at = Utc::now();
    let cap = ingest.config.raw_cap_bytes;
    let mut unattributed = 0;
    // The frames of one read nearly always belong to one tenant: its settings
    // are looked up once, not per frame (a shared lock and a clock read each).
    let mut known: Option<(TenantId, TenantInfo)> = None;
    for frame in frames {
        let (text, invalid_utf8) = decode_text(&frame.bytes);
        let (tenant, tags, redacted) = match attribute(ingest, &text, peer_tenant).await {
            Some(found) => found,
            None => {
                unattributed += 1;
                continue;
            }
        };
        let text = redacted.map_or(text, Cow::Owned);
        let info = match known {
            Some((t, info)) if t == tenant => info,
            _ => {
                let Ok(Some(info)) = ingest.directory.get(tenant).await else {
                    unattributed += 1;
                    continue;
                };
                known = Some((tenant, info));
                info
            }
        };
        if !info.active {
            unattributed += 1;
            continue;
        }
        if frame.miscounted {
            let reason = "octet-counted frame does not start with <PRI>: count and message disagree; connection closed".to_string();
            submission.dead_letters.push(dead_letter(
                tenant,
                channel,
                Some(peer.to_string()),
                reason,
                &text,
                cap,
            ));
            close = true;
            break;
        }
        let mut flags = Vec::new();
        if frame.truncated {
            flags.push("truncated");
        }
        if invalid_utf8 {
            flags.push("invalid_utf8");
        }
        let event = text_event(
            &text,
            &flags,
            info.tz,
            &Arrival::new(tenant, channel, received_at, cap).tagged(&tags),
        );
        submission.push(event, frame.bytes.len() as u64);
    }
    if unattributed > 0 {
        ingest.count_unattributed(channel, unattributed);
    }
    (submission, close)
}

/// The tenant the sender names without a token: its TLS client certificate's
/// binding, else its address range's. When both are bound and disagree, neither
/// is trusted (a certificate bound by one customer must not capture a stream
/// another customer attributes by address); the messages then need a token.
async fn sender_tenant(
    ingest: &Ingest,
    peer: SocketAddr,
    certificate: Option<&str>,
) -> Option<TenantId> {
    let by_address = ingest.sources.resolve(peer.ip()).await.ok().flatten();
    let Some(fingerprint) = certificate else {
        return by_address;
    };
    let by_certificate = match ingest.certificates.resolve_fingerprint(fingerprint).await {
        Ok(found) => found,
        Err(e) => {
            tracing::warn!(error = %e, "certificate bindings unavailable");
            None
        }
    };
    match (by_certificate, by_address) {
        (Some(c), Some(a)) if c != a => {
            tracing::warn!(%peer, "client certificate and source address are bound to different tenants; refusing both");
            None
        }
        (Some(c), _) => Some(c),
        (None, a) => a,
    }
}

/// Finds the token's SD-ID in a line, built once (see `parse::Needle`).
static TOKEN_MARK: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(TOKEN_SD_ID.as_bytes()));

/// The tenant of a message (its structured-data token, else its sender's
/// certificate or address binding), with the token's log-source tags and,
/// when a token named it, the text with the token redacted.
async fn attribute(
    ingest: &Ingest,
    text: &str,
    peer_tenant: Option<TenantId>,
) -> Option<(TenantId, LogSource, Option<String>)> {
    if TOKEN_MARK.find(text.as_bytes()).is_some() {
        // Whatever names the tenant, no token in such a line is stored as sent.
        let redacted = redact_tokens(text);
        let clock = crate::parse::year::Clock::new(Utc::now(), chrono_tz::Tz::UTC);
        let parsed = crate::parse::parse_line(text, &clock);
        if let Some(token) = token_in_structured_data(&parsed) {
            // A token that is present but wrong never falls back to the address.
            let resolved = ingest.tokens.resolve(token).await.ok().flatten()?;
            return Some((resolved.tenant_id, resolved.log_source, redacted));
        }
        return peer_tenant.map(|t| (t, LogSource::default(), redacted));
    }
    peer_tenant.map(|t| (t, LogSource::default(), None))
}

/// Events and bytes per tenant (a lookup per event: foldhash, not SipHash).
fn per_tenant(submission: &Submission) -> HashMap<TenantId, (u64, u64)> {
    let mut totals: HashMap<TenantId, (u64, u64)> = HashMap::default();
    for Pending { event, bytes, .. } in submission.events() {
        let entry = totals.entry(event.tenant_id).or_default();
        entry.0 += 1;
        entry.1 += bytes;
    }
    totals
}

/// TCP: wait until every tenant in the submission is within its rate (the
/// sender is slowed, nothing is lost). Volume past a tenant's daily byte cap
/// cannot be waited out: it is dropped and counted as rejected.
async fn throttle(ingest: &Ingest, submission: &mut Submission, channel: Channel) {
    for (tenant, (events, bytes)) in per_tenant(submission) {
        let Ok(Some(info)) = ingest.directory.get(tenant).await else {
            continue;
        };
        let step = u64::from(info.limits.events_per_second.max(1));
        let mut remaining = events;
        while remaining > 0 {
            let chunk = remaining.min(step);
            let chunk_bytes = bytes * chunk / events.max(1);
            match ingest
                .quotas
                .try_take(tenant, info.limits, chunk, chunk_bytes)
            {
                Ok(()) => remaining -= chunk,
                Err(crate::quota::Refusal::Rate { .. }) => {
                    tokio::time::sleep(Duration::from_millis(50)).await
                }
                Err(crate::quota::Refusal::DailyBytes { .. }) => {
                    submission.retain_events(|p| p.event.tenant_id != tenant);
                    submission.rejected.push(Rejected {
                        tenant_id: tenant,
                        channel,
                        count: events,
                        bytes,
                    });
                    break;
                }
            }
        }
    }
}

/// UDP: events over the tenant's rate are dropped and counted as rejected.
async fn refuse_over_quota(ingest: &Ingest, submission: &mut Submission) {
    for (tenant, (events, bytes)) in per_tenant(submission) {
        let Ok(Some(info)) = ingest.directory.get(tenant).await else {
            continue;
        };
        if ingest
            .quotas
            .try_take(tenant, info.limits, events, bytes)
            .is_err()
        {
            submission.retain_events(|p| p.event.tenant_id != tenant);
            submission.rejected.push(Rejected {
                tenant_id: tenant,
                channel: Channel::SyslogUdp,
                count: events,
                bytes,
            });
        }
    }
}
