# syntax=docker/dockerfile:1
# Garrison: the `garrison` binary and its web console in a small non-root image.
#   docker build -t garrison:0.1.0 .
#   docker run -p 8080:8080 -p 5514:5514 -p 5514:5514/udp -v garrison-data:/var/lib/garrison garrison:0.1.0
# The Helm chart (helm/garrison) runs this image; it has not been built on the machine the
# chart was written on (no container engine there).

# --- The console: frontend/scripts/build.sh (npm ci + vite build) into frontend/dist. ---
# Node comes from its own image: the console needs Node 20.19+, Debian bookworm ships 18.
FROM node:20-bookworm-slim AS console
WORKDIR /src
COPY frontend/ frontend/
RUN --mount=type=cache,target=/root/.npm frontend/scripts/build.sh

# --- The binary: a release build of garrison-gateway. ---
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked -p garrison-gateway \
    && install -D -m 0755 target/release/garrison /out/garrison

# --- Runtime: glibc, CA certificates (Stripe, OTLP over HTTPS), a shell for the chart's
# init container that assembles garrison.toml; nothing else. ---
FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 garrison \
    && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/garrison --no-create-home \
       --shell /usr/sbin/nologin garrison \
    && install -d -o 10001 -g 10001 -m 0750 /var/lib/garrison \
    && install -d -m 0755 /etc/garrison
COPY --from=build /out/garrison /usr/local/bin/garrison
COPY --from=console /src/frontend/dist /usr/share/garrison/console
# Defaults for a container: listen on every interface, keep data on the volume, serve the
# console from where it was copied (http.console_dir has no environment variable).
RUN printf '%s\n' \
      '# Container defaults; GARRISON_* variables override them (see garrison.example.toml).' \
      'data_dir = "/var/lib/garrison"' \
      '' '[http]' 'addr = "0.0.0.0:8080"' 'console_dir = "/usr/share/garrison/console"' \
      '' '[ingest]' 'syslog_addr = "0.0.0.0:5514"' \
      > /etc/garrison/garrison.toml
ENV GARRISON_CONFIG=/etc/garrison/garrison.toml
LABEL org.opencontainers.image.title="garrison" \
      org.opencontainers.image.description="Garrison, the open-source managed-SOC platform for MSSPs" \
      org.opencontainers.image.licenses="Apache-2.0"
USER 10001:10001
WORKDIR /var/lib/garrison
# HTTP (console, API, HTTP ingest); syslog TCP and UDP; syslog over TLS when configured.
EXPOSE 8080 5514/tcp 5514/udp 6514
ENTRYPOINT ["garrison"]
CMD ["serve"]
