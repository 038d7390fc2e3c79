#!/usr/bin/env bash
# Offline checks of the Helm chart (`make test-helm`): strict lint, render with each values
# file in garrison/ci/, strict validation of every manifest against the Kubernetes 1.33
# schemas, and the chart's contract (see check.py). No cluster, no helm binary: Helm's Go
# SDK comes in PyPI's helm-python-sdk, the schemas in kubernetes-validate, installed into a
# venv under /var/tmp that later runs reuse.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

venv="${GARRISON_HELM_VENV:-/var/tmp/garrison-helm-venv}"
want="helm-python-sdk==0.2.2 kubernetes-validate==1.37.0"
stamp="$venv/.garrison-requirements"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "== helm: installing $want into $venv"
  python3 -m venv "$venv"
  # shellcheck disable=SC2086 # two requirement specifiers
  "$venv/bin/pip" install -q --disable-pip-version-check $want
  echo "$want" > "$stamp"
fi

out="${GARRISON_HELM_OUT:-${TMPDIR:-/tmp}/garrison-helm-rendered}"
rm -rf "$out"
exec "$venv/bin/python" check.py garrison --out "$out" --example ../garrison.example.toml
