"""Offline checks of the Garrison Helm chart (run by helm/check.sh, `make test-helm`).

For each values file in helm/garrison/ci/: lint the chart strictly (Helm's own linter, from
helm-python-sdk), render it, validate every rendered manifest against the Kubernetes 1.33
JSON schemas in strict mode (kubernetes-validate; unknown fields are errors), check the shape
of the custom resources those schemas do not know (ServiceMonitor), and check what the README
promises of the chart: roles, probes, hardening, hooks, and a garrison.toml that Garrison
accepts. Then render a few values that must be refused, and check they are. Any failure
exits non-zero.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import helm_python as helm
import yaml

KUBE_VERSION = "1.33.0"
RELEASE = "soc"
NAMESPACE = "garrison"
ROLES = ["gateway", "ingest", "detection", "worker"]
# garrison.toml [bus] and [worker] keys and the chart values they come from. bus.url is never
# in the ConfigMap: it comes from `nats` as GARRISON_BUS_URL.
BUS_KEYS = {"namespace": "namespace", "partitions": "partitions",
            "stream_max_age_secs": "streamMaxAgeSecs", "stream_max_bytes": "streamMaxBytes",
            "max_deliver": "maxDeliver", "ack_wait_secs": "ackWaitSecs",
            "partition_lease_secs": "partitionLeaseSecs"}
WORKER_KEYS = {"lease_secs": "leaseSecs", "sla_every_secs": "slaEverySecs",
               "deliver_every_secs": "deliverEverySecs"}
# Custom resources the Kubernetes schemas cannot know, and the shape checked instead.
CRD_GROUPS = {"monitoring.coreos.com/v1": {"ServiceMonitor"}}


class Report:
    def __init__(self) -> None:
        self.passed = 0
        self.failures: list[str] = []

    def ok(self, what: str) -> None:
        self.passed += 1

    def fail(self, what: str) -> None:
        self.failures.append(what)
        print(f"FAIL {what}", flush=True)

    def check(self, cond: bool, what: str) -> bool:
        if cond:
            self.ok(what)
        else:
            self.fail(what)
        return cond


def known_config_keys(example: Path) -> set[str]:
    """Every key garrison.example.toml lists, commented out or not ("table.key")."""
    keys: set[str] = set()
    table = ""
    header = re.compile(r"^#?\s*\[\[?([a-z_.]+)\]\]?\s*$")
    key = re.compile(r"^#?\s*([a-z_]+)\s*=")
    for line in example.read_text().splitlines():
        if m := header.match(line):
            table = m.group(1)
            keys.add(table)
        elif m := key.match(line):
            keys.add(f"{table}.{m.group(1)}" if table else m.group(1))
    return keys


def config_keys(doc: dict, prefix: str = "") -> set[str]:
    out: set[str] = set()
    for k, v in doc.items():
        path = f"{prefix}.{k}" if prefix else k
        out.add(path)
        if isinstance(v, dict):
            out |= config_keys(v, path)
        elif isinstance(v, list) and v and all(isinstance(i, dict) for i in v):
            for item in v:
                out |= config_keys(item, path)
    return out


def pod_specs(doc: dict) -> list[dict]:
    kind = doc["kind"]
    if kind in ("Deployment", "StatefulSet", "Job"):
        return [doc["spec"]["template"]["spec"]]
    return []


def env_of(container: dict) -> dict[str, dict]:
    return {e["name"]: e for e in container.get("env", [])}


def check_hardening(r: Report, where: str, spec: dict) -> None:
    psc = spec.get("securityContext", {})
    r.check(psc.get("runAsNonRoot") is True and psc.get("runAsUser") == 10001,
            f"{where}: pod runs as non-root uid 10001")
    mounts_tmp = any(v.get("name") == "tmp" and "emptyDir" in v for v in spec.get("volumes", []))
    r.check(mounts_tmp, f"{where}: an emptyDir for /tmp")
    for c in spec.get("initContainers", []) + spec["containers"]:
        sc = c.get("securityContext", {})
        name = f"{where}/{c['name']}"
        r.check(sc.get("runAsNonRoot") is True and sc.get("runAsUser") == 10001,
                f"{name}: runAsNonRoot, uid 10001")
        r.check(sc.get("readOnlyRootFilesystem") is True, f"{name}: read-only root filesystem")
        r.check(sc.get("allowPrivilegeEscalation") is False, f"{name}: no privilege escalation")
        r.check(sc.get("capabilities", {}).get("drop") == ["ALL"], f"{name}: capabilities drop ALL")
        r.check(sc.get("seccompProfile", {}).get("type") == "RuntimeDefault",
                f"{name}: seccomp RuntimeDefault")
        r.check(bool(c.get("resources")), f"{name}: resources set")
        if c["name"] != "config":
            r.check(any(m["mountPath"] == "/tmp" for m in c.get("volumeMounts", [])),
                    f"{name}: /tmp mounted")


def check_server(r: Report, where: str, spec: dict, roles: str | None) -> None:
    c = spec["containers"][0]
    want_args = ["serve"] + (["--roles", roles] if roles else [])
    r.check(c.get("args") == want_args, f"{where}: runs `garrison {' '.join(want_args)}`")
    for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz"),
                        ("startupProbe", "/healthz")):
        get = c.get(probe, {}).get("httpGet", {})
        r.check(get.get("path") == path and get.get("port") == "http",
                f"{where}: {probe} on {path}")
    env = env_of(c)
    r.check(env.get("GARRISON_HTTP_ADDR", {}).get("value") == "0.0.0.0:8080",
            f"{where}: GARRISON_HTTP_ADDR=0.0.0.0:8080")
    r.check(env.get("GARRISON_DATA_DIR", {}).get("value") == "/var/lib/garrison",
            f"{where}: GARRISON_DATA_DIR")
    r.check("GARRISON_CONFIG" in env and "GARRISON_LOG" in env,
            f"{where}: GARRISON_CONFIG and GARRISON_LOG")
    receives = roles in (None, "ingest")
    syslog = env.get("GARRISON_SYSLOG_ADDR", {}).get("value")
    r.check(syslog == ("0.0.0.0:5514" if receives else "off"),
            f"{where}: GARRISON_SYSLOG_ADDR={syslog}")
    ann = spec.get("_annotations", {})
    r.check("checksum/config" in ann, f"{where}: config checksum annotation")


def check_servicemonitor(r: Report, doc: dict) -> None:
    name = f"ServiceMonitor/{doc['metadata']['name']}"
    spec = doc.get("spec", {})
    r.check(set(spec) <= {"selector", "namespaceSelector", "endpoints", "jobLabel"},
            f"{name}: only known spec fields")
    labels = spec.get("selector", {}).get("matchLabels")
    r.check(isinstance(labels, dict) and labels and
            all(isinstance(v, str) for v in labels.values()),
            f"{name}: selector.matchLabels is a non-empty string map")
    eps = spec.get("endpoints")
    r.check(isinstance(eps, list) and eps, f"{name}: has endpoints")
    for ep in eps or []:
        r.check(set(ep) <= {"port", "path", "interval", "scrapeTimeout", "honorLabels", "scheme"},
                f"{name}: only known endpoint fields")
        r.check(isinstance(ep.get("port"), str) and ep["port"], f"{name}: endpoint port named")
        r.check(str(ep.get("path", "/")).startswith("/"), f"{name}: endpoint path absolute")
        r.check(re.fullmatch(r"\d+(ms|s|m|h)", str(ep.get("interval", "30s"))) is not None,
                f"{name}: endpoint interval is a duration")


def render(chart_dir: Path, values: dict) -> dict[str, str]:
    with helm.Chart.load(chart_dir) as chart:
        return chart.render(values, name=RELEASE, namespace=NAMESPACE, is_install=True)


def check_values_file(r: Report, chart_dir: Path, values_file: Path, out: Path,
                      known_keys: set[str]) -> None:
    label = values_file.name
    print(f"== helm: {label}", flush=True)
    values = yaml.safe_load(values_file.read_text()) or {}

    lint = helm.lint(chart_dir, values, strict=True, namespace=NAMESPACE,
                     kube_version=f"v{KUBE_VERSION}")
    problems = [m for m in lint.get("messages", []) if m.get("severity", 0) >= 2]
    for m in problems:
        print(f"   lint: {m.get('path')}: {m.get('error')}")
    for e in lint.get("errors", []):
        print(f"   lint error: {e}")
    if not r.check(not problems and not lint.get("errors"), f"{label}: strict lint"):
        return

    try:
        manifests = render(chart_dir, values)
    except helm.HelmError as e:
        r.fail(f"{label}: render: {e}")
        return
    r.ok(f"{label}: render")

    notes = "".join(v for k, v in manifests.items() if k.endswith("NOTES.txt"))
    r.check("Sign in as the first provider admin" in notes, f"{label}: NOTES.txt says how to sign in")
    stem = values_file.name.removesuffix(".yaml")
    (out / f"{stem}-NOTES.txt").write_text(notes)

    docs: list[dict] = []
    for path in sorted(manifests):
        if path.endswith("NOTES.txt"):
            continue
        try:
            parsed = [d for d in yaml.safe_load_all(manifests[path]) if d]
        except yaml.YAMLError as e:
            r.fail(f"{label}: {path} is not YAML: {e}")
            continue
        docs.extend(parsed)
    rendered = "\n---\n".join(yaml.safe_dump(d, sort_keys=False) for d in docs)
    (out / f"{stem}.yaml").write_text(rendered)

    seen: set[tuple[str, str]] = set()
    for d in docs:
        ident = (d.get("kind", "?"), d.get("metadata", {}).get("name", "?"))
        r.check(bool(d.get("apiVersion") and d.get("kind") and d.get("metadata", {}).get("name")),
                f"{label}: {ident} has apiVersion, kind and name")
        r.check(ident not in seen, f"{label}: {ident[0]}/{ident[1]} rendered once")
        seen.add(ident)

    core, crds = [], []
    for d in docs:
        if d.get("kind") in CRD_GROUPS.get(d.get("apiVersion", ""), set()):
            crds.append(d)
        else:
            core.append(d)
    for d in crds:
        print(f"   skip schema: {d['kind']}/{d['metadata']['name']} ({d['apiVersion']} is a CRD, "
              "not in the Kubernetes schemas): its shape is checked instead")
        check_servicemonitor(r, d)

    core_file = out / f"{stem}-core.yaml"
    core_file.write_text("\n---\n".join(yaml.safe_dump(d, sort_keys=False) for d in core))
    proc = subprocess.run(
        [str(Path(sys.executable).with_name("kubernetes-validate")), "--strict",
         "-k", KUBE_VERSION, "--quiet", str(core_file)],
        capture_output=True, text=True)
    output = (proc.stdout + proc.stderr).strip()
    if output:
        print("   " + output.replace("\n", "\n   "))
    r.check(proc.returncode == 0 and not output,
            f"{label}: kubernetes-validate --strict -k {KUBE_VERSION} ({len(core)} manifests)")
    if proc.returncode == 0 and not output:
        print(f"   {len(core)} manifests valid against Kubernetes {KUBE_VERSION} (strict)")

    with helm.Chart.load(chart_dir) as chart:
        effective = chart.merge_values(values)
    check_contract(r, label, effective, docs, known_keys)


def check_contract(r: Report, label: str, values: dict, docs: list[dict],
                   known_keys: set[str]) -> None:
    by_kind: dict[str, list[dict]] = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    split = values.get("mode") == "split"

    for cm in by_kind.get("ConfigMap", []):
        text = cm["data"]["garrison.toml"]
        try:
            cfg = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            r.fail(f"{label}: {cm['metadata']['name']} garrison.toml: {e}")
            continue
        unknown = config_keys(cfg) - known_keys
        r.check(not unknown, f"{label}: {cm['metadata']['name']} keys all in garrison.example.toml"
                + (f" (unknown: {sorted(unknown)})" if unknown else ""))
        # Every process gets the same [bus] and the worker's [worker], from the chart values
        # (a role's `config` could override them; the ci values files do not).
        for table, keys, source in (("bus", BUS_KEYS, values["bus"]),
                                    ("worker", WORKER_KEYS, values["worker"])):
            want = {k: source[v] for k, v in keys.items()}
            got = cfg.get(table)
            r.check(got == want, f"{label}: {cm['metadata']['name']} [{table}] is {want} (got {got})")

    for d in by_kind.get("Deployment", []) + by_kind.get("StatefulSet", []) + by_kind.get("Job", []):
        spec = pod_specs(d)[0]
        check_hardening(r, f"{label}: {d['kind']}/{d['metadata']['name']}", spec)

    services = by_kind.get("Service", [])
    for s in services:
        protocols = {p.get("protocol", "TCP") for p in s["spec"]["ports"]}
        r.check(len(protocols) == 1, f"{label}: Service/{s['metadata']['name']} has one protocol")
    names = {s["metadata"]["name"] for s in services}
    full = f"{RELEASE}-garrison"
    r.check({full, f"{full}-syslog-tcp", f"{full}-syslog-udp"} <= names,
            f"{label}: HTTP, syslog TCP and syslog UDP Services")
    if values.get("ingest", {}).get("tls", {}).get("enabled"):
        r.check(f"{full}-syslog-tls" in names, f"{label}: syslog TLS Service")

    if not split:
        sts = by_kind.get("StatefulSet", [])
        r.check(len(sts) == 1 and not by_kind.get("Deployment"),
                f"{label}: embedded is one StatefulSet and no Deployment")
        if sts:
            s = sts[0]
            r.check(s["spec"]["replicas"] == 1, f"{label}: embedded runs one replica")
            spec = dict(s["spec"]["template"]["spec"])
            spec["_annotations"] = s["spec"]["template"]["metadata"].get("annotations", {})
            check_server(r, f"{label}: StatefulSet", spec, None)
            r.check(bool(s["spec"].get("volumeClaimTemplates")), f"{label}: data on a PVC")
        r.check(not by_kind.get("Job") and not by_kind.get("HorizontalPodAutoscaler"),
                f"{label}: no migration Job or HPA in embedded mode")
        return

    deployments = {d["metadata"]["name"]: d for d in by_kind.get("Deployment", [])}
    r.check(set(deployments) == {f"{full}-{role}" for role in ROLES},
            f"{label}: one Deployment per role")
    for role in ROLES:
        d = deployments.get(f"{full}-{role}")
        if not d:
            continue
        spec = dict(d["spec"]["template"]["spec"])
        spec["_annotations"] = d["spec"]["template"]["metadata"].get("annotations", {})
        check_server(r, f"{label}: Deployment/{role}", spec, role)
        env = env_of(spec["containers"][0])
        r.check("secretKeyRef" in env.get("GARRISON_DATABASE_URL", {}).get("valueFrom", {}),
                f"{label}: {role} reads GARRISON_DATABASE_URL from a Secret")
        r.check("GARRISON_BUS_URL" in env, f"{label}: {role} gets GARRISON_BUS_URL")
        r.check(bool(spec.get("initContainers")),
                f"{label}: {role} merges the signing keys into garrison.toml")
    hpas = {h["spec"]["scaleTargetRef"]["name"] for h in by_kind.get("HorizontalPodAutoscaler", [])}
    scaled = [role for role in ("gateway", "ingest", "detection")
              if values[role]["autoscaling"]["enabled"]]
    r.check(hpas == {f"{full}-{role}" for role in scaled},
            f"{label}: HPAs exactly for {', '.join(scaled) or 'no role'}")
    for role in ROLES:
        d = deployments.get(f"{full}-{role}")
        if d:
            scaled_here = role in scaled
            r.check(("replicas" in d["spec"]) != scaled_here,
                    f"{label}: {role} replicas {'left to the HPA' if scaled_here else 'fixed'}")
    # Scale-out: detection splits tenants by partition lease and worker jobs run under
    # leases, so every role rolls with RollingUpdate (none with Recreate), detection
    # autoscales, and at least two workers run (one on standby for the jobs).
    for role in ROLES:
        d = deployments.get(f"{full}-{role}")
        if d:
            strategy = d["spec"].get("strategy", {}).get("type")
            r.check(strategy == "RollingUpdate", f"{label}: {role} rolls with RollingUpdate "
                    f"(got {strategy})")
    r.check("detection" in scaled, f"{label}: detection autoscales")
    partitions = values["bus"]["partitions"]
    for h in by_kind.get("HorizontalPodAutoscaler", []):
        if h["spec"]["scaleTargetRef"]["name"] == f"{full}-detection":
            r.check(2 <= h["spec"]["minReplicas"] <= h["spec"]["maxReplicas"] <= partitions,
                    f"{label}: detection HPA 2 <= min <= max <= bus.partitions ({partitions})")
    worker = deployments.get(f"{full}-worker")
    if worker:
        r.check(worker["spec"].get("replicas", 0) >= 2,
                f"{label}: at least two workers (got {worker['spec'].get('replicas')})")
    pdbs = {p["metadata"]["name"]: p for p in by_kind.get("PodDisruptionBudget", [])}
    r.check(set(pdbs) == set(deployments), f"{label}: a PodDisruptionBudget per Deployment")
    for name, p in pdbs.items():
        spec = p["spec"]
        r.check(("minAvailable" in spec) != ("maxUnavailable" in spec),
                f"{label}: PodDisruptionBudget/{name} sets one of minAvailable, maxUnavailable")
        d = deployments.get(name)
        fixed = d["spec"].get("replicas") if d else None
        if fixed is not None and isinstance(spec.get("minAvailable"), int):
            r.check(spec["minAvailable"] < fixed,
                    f"{label}: PodDisruptionBudget/{name} minAvailable {spec['minAvailable']} "
                    f"leaves room to evict one of {fixed}")
    if worker and f"{full}-worker" in pdbs:
        spec = pdbs[f"{full}-worker"]["spec"]
        keeps = (spec.get("minAvailable", 0) >= 1 if "minAvailable" in spec
                 else spec.get("maxUnavailable", 0) < worker["spec"].get("replicas", 0))
        r.check(keeps, f"{label}: the worker PodDisruptionBudget keeps a worker running ({spec})")
    jobs = by_kind.get("Job", [])
    r.check(len(jobs) == 1, f"{label}: one migration Job")
    for j in jobs:
        ann = j["metadata"].get("annotations", {})
        r.check(ann.get("helm.sh/hook") == "pre-install,pre-upgrade",
                f"{label}: migrations are a pre-install,pre-upgrade hook")
        r.check(j["spec"]["template"]["spec"]["containers"][0].get("args") == ["migrate", "up"],
                f"{label}: the Job runs `garrison migrate up`")


# Values that must be refused at render time, and a piece of the message.
MUST_FAIL = [
    ({"mode": "cluster"}, "at '/mode'"),
    ({"ingres": {"enabled": True}}, "additional properties 'ingres' not allowed"),
    ({"gateway": {"replica": 3}}, "additional properties 'replica' not allowed"),
    ({"mode": "split", "nats": {"url": "nats://n:4222"}}, "database.existingSecret"),
    ({"mode": "split", "database": {"existingSecret": "db"}}, "nats.url"),
    ({"ingest": {"tls": {"enabled": True}}}, "ingest.tls.existingSecret"),
    ({"otel": {"enabled": True}}, "otel.endpoint"),
    ({"metrics": {"serviceMonitor": {"enabled": True, "selector": {"a": "b"}}}}, "enable otel"),
    ({"bus": {"url": "nats://n:4222"}}, "additional properties 'url' not allowed"),
    ({"bus": {"partitions": 0}}, "at '/bus/partitions'"),
    ({"worker": {"autoscaling": {"enabled": True}}}, "at '/worker/autoscaling/enabled'"),
]


def check_refusals(r: Report, chart_dir: Path) -> None:
    print("== helm: values that must be refused", flush=True)
    for values, needle in MUST_FAIL:
        try:
            render(chart_dir, values)
            r.fail(f"refusal: {values} rendered, expected an error naming {needle!r}")
        except helm.HelmError as e:
            r.check(needle in str(e), f"refusal: {values} -> {needle!r} (got: {e})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("chart", type=Path)
    ap.add_argument("--out", type=Path, required=True, help="where rendered manifests go")
    ap.add_argument("--example", type=Path, required=True, help="garrison.example.toml")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    r = Report()
    values_files = sorted((args.chart / "ci").glob("*-values.yaml"))
    names = {f.name for f in values_files}
    r.check({"embedded-values.yaml", "split-values.yaml", "everything-values.yaml"} <= names,
            "ci/ has the embedded, split and everything values files")
    known = known_config_keys(args.example)
    for f in values_files:
        check_values_file(r, args.chart, f, args.out, known)
    check_refusals(r, args.chart)

    print(f"   rendered manifests are in {args.out}")
    print(f"helm: {r.passed} passed, {len(r.failures)} failed")
    return 1 if r.failures else 0


if __name__ == "__main__":
    sys.exit(main())
