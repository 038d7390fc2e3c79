//! Certificates for the TLS tests, made by the real `openssl` command line.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `openssl` in `dir`; fails the test with its stderr when it fails.
pub fn openssl(args: &[&str], dir: &Path) -> Output {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl is installed");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A self-signed P-256 certificate and key, `<name>.crt` and `<name>.key` in
/// `dir`, with extra `openssl req` arguments (`-addext ...`).
pub fn self_signed(dir: &Path, name: &str, extra: &[&str]) {
    let (crt, key) = (format!("{name}.crt"), format!("{name}.key"));
    let subject = format!("/CN={name}");
    let mut args = vec![
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-days",
        "1",
        "-subj",
        &subject,
    ];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["-keyout", &key, "-out", &crt]);
    openssl(&args, dir);
}
