#!/usr/bin/env bash
# Garrison's `sigma eval` against rsigma's on the same events and rules, in one run:
# each engine's full run and its one-event run (the load) interleaved RUNS times,
# CPU (user + system) and peak RSS from /usr/bin/time. Prints the medians, events/s
# per core of evaluation alone (median full run minus median load) and the ratio.
#
#   services/detection/bench/vs-rsigma.sh            # with log-source routing
#   ROUTING=0 RUNS=2 services/detection/bench/vs-rsigma.sh
#
# rsigma is never committed: `cargo install rsigma --version 0.23.0 --locked --root DIR`
# and point RSIGMA at DIR/bin/rsigma (default: `rsigma` on PATH).
set -euo pipefail
cd "$(dirname "$0")/../../.."

RUNS="${RUNS:-6}"
ROUTING="${ROUTING:-1}"
RULES="${RULES:-../shared/sigma/rules}"
EVENTS="${EVENTS:-/var/tmp/events.jsonl}"
RSIGMA="${RSIGMA:-rsigma}"
TARGET="${CARGO_TARGET_DIR:-target}"

if [ ! -d "$RULES" ]; then
  echo "SKIPPED: $RULES is absent (the shared SigmaHQ rules)" >&2
  exit 0
fi
if [ ! -s "$EVENTS" ]; then
  src=../shared/bench/windows-events.jsonl.zst
  if [ ! -f "$src" ]; then
    echo "SKIPPED: neither $EVENTS nor $src exists" >&2
    exit 0
  fi
  zstd -dc "$src" > "$EVENTS"
fi
if ! command -v "$RSIGMA" > /dev/null; then
  echo "rsigma not found (RSIGMA=$RSIGMA): cargo install rsigma --version 0.23.0 --locked --root DIR" >&2
  exit 1
fi

cargo build --release -q -p garrison-detection --example sigma
GARRISON="$TARGET/release/examples/sigma"
ONE="$(mktemp)"
OUT="$(mktemp)"
trap 'rm -f "$ONE" "$OUT"' EXIT
head -1 "$EVENTS" > "$ONE"

g_route=() r_route=()
if [ "$ROUTING" = 1 ]; then
  g_route=(--logsource-routing)
  r_route=(--logsource-routing --event-logsource product=windows)
fi
run() { # label, command...
  local label=$1
  shift
  /usr/bin/time -a -o "$OUT" -f "$label %U %S %M" "$@" > /dev/null
}
for _ in $(seq "$RUNS"); do
  run g-full "$GARRISON" eval --rules "$RULES" --events "$EVENTS" "${g_route[@]}"
  run g-load "$GARRISON" eval --rules "$RULES" --events "$ONE" "${g_route[@]}"
  run r-full "$RSIGMA" engine eval -r "$RULES" -e "@$EVENTS" "${r_route[@]}" -q
  run r-load "$RSIGMA" engine eval -r "$RULES" -e "@$ONE" "${r_route[@]}" -q
done

events=$(grep -c '' "$EVENTS")
echo "events: $events, rules: $RULES, routing: $ROUTING, runs: $RUNS"
awk -v events="$events" '
  { cpu[$1] = cpu[$1] " " ($2 + $3); if ($4 > rss[$1]) rss[$1] = $4 }
  function median(list,   v, n, i, j, t) {
    n = split(list, v, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  END {
    for (e = 1; e <= 2; e++) {
      p = e == 1 ? "g" : "r"
      name = e == 1 ? "garrison" : "rsigma"
      load = median(cpu[p "-load"]); full = median(cpu[p "-full"])
      eval_s[p] = full - load
      printf "%-9s load %.2f s, end to end %.2f s, evaluation %.2f s: %.0f events/s per core; peak RSS %.0f MB; full runs:%s\n",
        name, load, full, eval_s[p], events / eval_s[p], rss[p "-full"] / 1024, cpu[p "-full"]
    }
    printf "ratio (evaluation, per core): %.1fx\n", eval_s["r"] / eval_s["g"]
  }' "$OUT"
