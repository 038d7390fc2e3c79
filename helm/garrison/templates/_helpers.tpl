{{/*
Names, labels and the pieces every Garrison workload shares.
*/}}

{{- define "garrison.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "garrison.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "garrison.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Common labels. */}}
{{- define "garrison.labels" -}}
helm.sh/chart: {{ include "garrison.chart" . }}
{{ include "garrison.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: garrison
{{- end }}

{{- define "garrison.selectorLabels" -}}
app.kubernetes.io/name: {{ include "garrison.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of one component; call with (dict "ctx" $ "component" "gateway"). */}}
{{- define "garrison.componentLabels" -}}
{{ include "garrison.labels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "garrison.componentSelectorLabels" -}}
{{ include "garrison.selectorLabels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* A component's resource name: the full name, with the component unless it is "all". */}}
{{- define "garrison.componentName" -}}
{{- if eq .component "all" }}
{{- include "garrison.fullname" .ctx }}
{{- else }}
{{- printf "%s-%s" (include "garrison.fullname" .ctx | trunc 52 | trimSuffix "-") .component }}
{{- end }}
{{- end }}

{{/* The workloads to run: "all" in embedded mode, one per role in split mode. */}}
{{- define "garrison.components" -}}
{{- if eq .Values.mode "split" }}gateway,ingest,detection,worker{{ else }}all{{ end }}
{{- end }}

{{/* The component that serves the console and API, and the one that receives logs. */}}
{{- define "garrison.httpComponent" -}}
{{- if eq .Values.mode "split" }}gateway{{ else }}all{{ end }}
{{- end }}
{{- define "garrison.ingestComponent" -}}
{{- if eq .Values.mode "split" }}ingest{{ else }}all{{ end }}
{{- end }}

{{/* A component's own values block. */}}
{{- define "garrison.componentValues" -}}
{{- if eq .component "all" }}
{{- toYaml .ctx.Values.embedded }}
{{- else }}
{{- toYaml (index .ctx.Values .component) }}
{{- end }}
{{- end }}

{{- define "garrison.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "garrison.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "garrison.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The Secret with the JWT signing keys, or nothing (embedded mode keeps its own). */}}
{{- define "garrison.signingKeysSecret" -}}
{{- if .Values.auth.signingKeys.existingSecret }}
{{- .Values.auth.signingKeys.existingSecret }}
{{- else if and (eq .Values.mode "split") .Values.auth.signingKeys.generate }}
{{- printf "%s-signing-keys" (include "garrison.fullname" .) }}
{{- end }}
{{- end }}

{{- define "garrison.signingKeysSecretKey" -}}
{{- if .Values.auth.signingKeys.existingSecret }}{{ .Values.auth.signingKeys.secretKey }}{{ else }}signing-keys.toml{{ end }}
{{- end }}

{{/* Does this component receive logs? */}}
{{- define "garrison.receivesLogs" -}}
{{- if or (eq .component "all") (eq .component "ingest") }}true{{ end }}
{{- end }}

{{/*
garrison.toml for one component, as a dict (JSON). Chart settings first (including `bus`
and the worker's lease and intervals, for every component), then the operator's `config`,
then the component's own `config`.
*/}}
{{- define "garrison.configDict" -}}
{{- $ctx := .ctx }}
{{- $values := include "garrison.componentValues" . | fromYaml }}
{{- $secure := or $ctx.Values.http.secureCookies (and $ctx.Values.ingress.enabled $ctx.Values.ingress.tls.enabled) }}
{{- $cfg := dict
    "data_dir" "/var/lib/garrison"
    "http" (dict "console_dir" $ctx.Values.image.consoleDir "secure_cookies" $secure)
    "log" (dict "json" $ctx.Values.logJson) }}
{{- $bus := $ctx.Values.bus }}
{{- $_ := set $cfg "bus" (dict
    "namespace" $bus.namespace
    "partitions" $bus.partitions
    "stream_max_age_secs" $bus.streamMaxAgeSecs
    "stream_max_bytes" $bus.streamMaxBytes
    "max_deliver" $bus.maxDeliver
    "ack_wait_secs" $bus.ackWaitSecs
    "partition_lease_secs" $bus.partitionLeaseSecs) }}
{{- $worker := $ctx.Values.worker }}
{{- $_ = set $cfg "worker" (dict
    "lease_secs" $worker.leaseSecs
    "sla_every_secs" $worker.slaEverySecs
    "deliver_every_secs" $worker.deliverEverySecs) }}
{{- if and $ctx.Values.ingest.tls.enabled (include "garrison.receivesLogs" .) }}
{{- $tls := dict "tls_cert" "/etc/garrison/tls/tls.crt" "tls_key" "/etc/garrison/tls/tls.key" }}
{{- if $ctx.Values.ingest.tls.clientCAKey }}
{{- $_ := set $tls "tls_client_ca" "/etc/garrison/tls/client-ca.pem" }}
{{- end }}
{{- $_ := set $cfg "ingest" $tls }}
{{- end }}
{{- $cfg = mustMergeOverwrite $cfg (deepCopy (default dict $ctx.Values.config)) (deepCopy (default dict $values.config)) }}
{{- toJson $cfg }}
{{- end }}

{{/*
TOML writer. Helm keeps every YAML number as a float64, and `toToml` prints 16 as 16.0,
which Garrison's integer settings reject; this writer prints whole numbers as integers.
Scalars and arrays first, then sub-tables ([a.b]) and arrays of tables ([[a.b]]).
*/}}
{{- define "garrison.toml.key" -}}
{{- if regexMatch "^[A-Za-z0-9_-]+$" . }}{{ . }}{{ else }}{{ toJson . }}{{ end }}
{{- end }}

{{- define "garrison.toml.value" -}}
{{- if kindIs "string" . }}{{ toJson . }}
{{- else if kindIs "bool" . }}{{ ternary "true" "false" . }}
{{- else if kindIs "float64" . }}{{ if eq . (floor .) }}{{ int64 . }}{{ else }}{{ . }}{{ end }}
{{- else if or (kindIs "int" .) (kindIs "int64" .) }}{{ . }}
{{- else if kindIs "slice" . }}[{{ range $i, $e := . }}{{ if $i }}, {{ end }}{{ include "garrison.toml.value" $e }}{{ end }}]
{{- else }}{{ fail (printf "config: a %s value cannot be written to garrison.toml" (kindOf .)) }}
{{- end }}
{{- end }}

{{- define "garrison.toml.isTableArray" -}}
{{- if and (kindIs "slice" .) (gt (len .) 0) }}{{ if kindIs "map" (first .) }}true{{ end }}{{ end }}
{{- end }}

{{- define "garrison.toml.table" -}}
{{- $prefix := .prefix }}
{{- $table := .table }}
{{- range $key := keys $table | sortAlpha }}
{{- $v := index $table $key }}
{{- if not (or (kindIs "invalid" $v) (kindIs "map" $v) (include "garrison.toml.isTableArray" $v)) }}
{{ include "garrison.toml.key" $key }} = {{ include "garrison.toml.value" $v }}
{{- end }}
{{- end }}
{{- range $key := keys $table | sortAlpha }}
{{- $v := index $table $key }}
{{- $path := include "garrison.toml.key" $key }}
{{- if $prefix }}{{ $path = printf "%s.%s" $prefix $path }}{{ end }}
{{- if kindIs "map" $v }}

[{{ $path }}]
{{- include "garrison.toml.table" (dict "prefix" $path "table" $v) }}
{{- else if include "garrison.toml.isTableArray" $v }}
{{- range $item := $v }}

[[{{ $path }}]]
{{- include "garrison.toml.table" (dict "prefix" $path "table" $item) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/* garrison.toml for one component, as text. */}}
{{- define "garrison.configToml" -}}
# garrison.toml rendered by the Helm chart ({{ .component }}); see garrison.example.toml.
{{- include "garrison.toml.table" (dict "prefix" "" "table" (include "garrison.configDict" . | fromJson)) }}
{{ end }}

{{/* Where the process reads garrison.toml. */}}
{{- define "garrison.configPath" -}}
{{- if include "garrison.signingKeysSecret" .ctx }}/run/garrison/garrison.toml{{ else }}/etc/garrison/config/garrison.toml{{ end }}
{{- end }}

{{/* Checks the values make sense together; fails the render with a message when not. */}}
{{- define "garrison.validate" -}}
{{- if not (has .Values.mode (list "embedded" "split")) }}
{{- fail (printf "mode must be \"embedded\" or \"split\", not %q" (toString .Values.mode)) }}
{{- end }}
{{- if eq .Values.mode "split" }}
{{- if not .Values.database.existingSecret }}
{{- fail "mode=split needs PostgreSQL: set database.existingSecret (a Secret whose key `url` is the postgres:// URL)" }}
{{- end }}
{{- if not (or .Values.nats.url .Values.nats.existingSecret) }}
{{- fail "mode=split needs NATS JetStream: set nats.url or nats.existingSecret" }}
{{- end }}
{{- if not (include "garrison.signingKeysSecret" .) }}
{{- fail "mode=split needs shared JWT signing keys: set auth.signingKeys.existingSecret or auth.signingKeys.generate=true" }}
{{- end }}
{{- range $role := list "gateway" "ingest" "detection" }}
{{- $v := index $.Values $role }}
{{- if and (dig "autoscaling" "enabled" false $v) (not (dig "requests" "cpu" "" ($v.resources | default dict))) }}
{{- fail (printf "%s.autoscaling needs %s.resources.requests.cpu (the CPU target is a share of it)" $role $role) }}
{{- end }}
{{- end }}
{{- end }}
{{- if and .Values.ingest.tls.enabled (not .Values.ingest.tls.existingSecret) }}
{{- fail "ingest.tls.enabled needs ingest.tls.existingSecret (a kubernetes.io/tls Secret)" }}
{{- end }}
{{- if and .Values.otel.enabled (not .Values.otel.endpoint) }}
{{- fail "otel.enabled needs otel.endpoint (the collector's OTLP/HTTP address, e.g. http://otel-collector:4318)" }}
{{- end }}
{{- if .Values.metrics.serviceMonitor.enabled }}
{{- if not .Values.otel.enabled }}
{{- fail "metrics.serviceMonitor scrapes the OpenTelemetry Collector that Garrison exports to: enable otel too" }}
{{- end }}
{{- if not .Values.metrics.serviceMonitor.selector }}
{{- fail "metrics.serviceMonitor.selector must name the labels of the collector's Prometheus Service" }}
{{- end }}
{{- end }}
{{- if and .Values.ingress.enabled .Values.ingress.tls.enabled (not .Values.ingress.tls.secretName) }}
{{- fail "ingress.tls.enabled needs ingress.tls.secretName" }}
{{- end }}
{{- end }}
