//! A minimal SMTP client (RFC 5321: EHLO, MAIL FROM, RCPT TO, DATA, QUIT) for a
//! plain relay on the local network, such as a Postfix smarthost or a mail
//! gateway's submission port without authentication. Chosen over `lettre` to keep
//! the build lean; STARTTLS and AUTH are not spoken (relay through a local MTA
//! that does both).

use garrison_core::{Error, Result};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// Where mail goes and who it is from.
#[derive(Debug, Clone)]
pub struct SmtpRelay {
    pub host: String,
    pub port: u16,
    pub from: String,
}

impl SmtpRelay {
    /// Parses `smtp://host[:port]` (port 25 by default); `field` names the setting.
    pub fn parse(field: &str, url: &str, from: &str) -> Result<SmtpRelay> {
        let parsed = reqwest::Url::parse(url.trim())
            .map_err(|e| Error::invalid(field, format!("is not a URL ({e})")))?;
        if parsed.scheme() != "smtp" {
            return Err(Error::invalid(field, "must be smtp://host[:port]"));
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(Error::invalid(
                field,
                "SMTP authentication is not supported; relay through a local MTA",
            ));
        }
        let host = parsed
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| Error::invalid(field, "has no host"))?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let from = garrison_core::validate::email("notify.smtp_from", from)?;
        Ok(SmtpRelay {
            host,
            port: parsed.port().unwrap_or(25),
            from,
        })
    }
}

/// Why a message was not accepted: the server's reply code, when there was one.
#[derive(Debug)]
pub struct SmtpFailure {
    pub code: Option<u16>,
    pub message: String,
}

/// Sends one plain-text message; returns the final reply code (250).
pub async fn send_mail(
    relay: &SmtpRelay,
    to: &str,
    subject: &str,
    body: &str,
    message_id: &str,
) -> std::result::Result<u16, SmtpFailure> {
    let fail = |code: Option<u16>, message: String| SmtpFailure { code, message };
    let stream = TcpStream::connect((relay.host.as_str(), relay.port))
        .await
        .map_err(|e| fail(None, format!("cannot connect to the SMTP relay: {e}")))?;
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    expect(&mut read, 220).await?;
    let steps: [(String, u16); 3] = [
        ("EHLO garrison\r\n".into(), 250),
        (format!("MAIL FROM:<{}>\r\n", relay.from), 250),
        (format!("RCPT TO:<{to}>\r\n"), 250),
    ];
    for (command, code) in steps {
        write
            .write_all(command.as_bytes())
            .await
            .map_err(|e| fail(None, format!("write failed: {e}")))?;
        expect(&mut read, code).await?;
    }
    write
        .write_all(b"DATA\r\n")
        .await
        .map_err(|e| fail(None, format!("write failed: {e}")))?;
    expect(&mut read, 354).await?;
    let date = chrono::Utc::now().to_rfc2822();
    let mut message = format!(
        "From: Garrison <{}>\r\nTo: <{to}>\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: <{message_id}@garrison>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        relay.from
    );
    for line in body.lines() {
        // Dot-stuffing (RFC 5321 4.5.2).
        if line.starts_with('.') {
            message.push('.');
        }
        message.push_str(line);
        message.push_str("\r\n");
    }
    message.push_str(".\r\n");
    write
        .write_all(message.as_bytes())
        .await
        .map_err(|e| fail(None, format!("write failed: {e}")))?;
    let code = expect(&mut read, 250).await?;
    let _ = write.write_all(b"QUIT\r\n").await;
    Ok(code)
}

/// Reads one (possibly multi-line) reply and checks its code.
async fn expect<R: tokio::io::AsyncBufRead + Unpin>(
    read: &mut R,
    want: u16,
) -> std::result::Result<u16, SmtpFailure> {
    let mut last;
    loop {
        let mut line = String::new();
        let n = read.read_line(&mut line).await.map_err(|e| SmtpFailure {
            code: None,
            message: format!("read failed: {e}"),
        })?;
        if n == 0 {
            return Err(SmtpFailure {
                code: None,
                message: "the SMTP relay closed the connection".into(),
            });
        }
        let continued = line.as_bytes().get(3) == Some(&b'-');
        last = line.trim_end().to_string();
        if !continued {
            break;
        }
    }
    let code: Option<u16> = last.get(..3).and_then(|c| c.parse().ok());
    match code {
        Some(c) if c == want || (want == 250 && c == 251) => Ok(c),
        _ => Err(SmtpFailure {
            code,
            message: format!(
                "the SMTP relay answered `{}`",
                last.chars().take(200).collect::<String>()
            ),
        }),
    }
}
