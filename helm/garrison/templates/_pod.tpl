{{/*
The pod template of one Garrison workload; call with (dict "ctx" $ "component" "all"|role).
"all" is the embedded StatefulSet (`garrison serve`), a role is a split-mode Deployment
(`garrison serve --roles <role>`).
*/}}
{{- define "garrison.podTemplate" -}}
{{- $ctx := .ctx }}
{{- $component := .component }}
{{- $values := include "garrison.componentValues" . | fromYaml }}
{{- $receives := include "garrison.receivesLogs" . }}
{{- $keys := include "garrison.signingKeysSecret" $ctx }}
{{- $configPath := include "garrison.configPath" . }}
metadata:
  labels:
    {{- include "garrison.componentLabels" . | nindent 4 }}
    {{- with $ctx.Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    # Changing the rendered garrison.toml rolls the pods.
    checksum/config: {{ include "garrison.configToml" . | sha256sum }}
    {{- with $ctx.Values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- with $values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "garrison.serviceAccountName" $ctx }}
  automountServiceAccountToken: false
  enableServiceLinks: false
  terminationGracePeriodSeconds: {{ $ctx.Values.terminationGracePeriodSeconds }}
  {{- with $ctx.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- toYaml $ctx.Values.podSecurityContext | nindent 4 }}
  {{- with (default $ctx.Values.nodeSelector $values.nodeSelector) }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with (default $ctx.Values.tolerations $values.tolerations) }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with (default $ctx.Values.affinity $values.affinity) }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.topologySpreadConstraints }}
  topologySpreadConstraints:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- if $keys }}
  initContainers:
    # garrison.toml = the chart's settings + the signing keys from their Secret (Garrison
    # reads one file, and the keys must not sit in a ConfigMap).
    - name: config
      image: {{ include "garrison.image" $ctx }}
      imagePullPolicy: {{ $ctx.Values.image.pullPolicy }}
      command:
        - /bin/sh
        - -ec
        - cat /etc/garrison/config/garrison.toml /etc/garrison/keys/signing-keys.toml > /run/garrison/garrison.toml
      securityContext:
        {{- toYaml $ctx.Values.securityContext | nindent 8 }}
      resources:
        requests:
          cpu: 10m
          memory: 16Mi
        limits:
          memory: 32Mi
      volumeMounts:
        - name: config
          mountPath: /etc/garrison/config
          readOnly: true
        - name: signing-keys
          mountPath: /etc/garrison/keys
          readOnly: true
        - name: run
          mountPath: /run/garrison
  {{- end }}
  containers:
    - name: garrison
      image: {{ include "garrison.image" $ctx }}
      imagePullPolicy: {{ $ctx.Values.image.pullPolicy }}
      args:
        - serve
        {{- if ne $component "all" }}
        - --roles
        - {{ $component }}
        {{- end }}
      env:
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: POD_NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        - name: GARRISON_CONFIG
          value: {{ $configPath }}
        - name: GARRISON_HTTP_ADDR
          value: "0.0.0.0:8080"
        - name: GARRISON_DATA_DIR
          value: /var/lib/garrison
        - name: GARRISON_LOG
          value: {{ $ctx.Values.logLevel | quote }}
        - name: GARRISON_SYSLOG_ADDR
          value: {{ ternary (printf "0.0.0.0:%d" (int $ctx.Values.syslog.port)) "off" (eq $receives "true") | quote }}
        {{- if and $receives $ctx.Values.ingest.tls.enabled }}
        - name: GARRISON_SYSLOG_TLS_ADDR
          value: {{ printf "0.0.0.0:%d" (int $ctx.Values.syslog.tlsPort) | quote }}
        {{- end }}
        {{- with $ctx.Values.database.existingSecret }}
        - name: GARRISON_DATABASE_URL
          valueFrom:
            secretKeyRef:
              name: {{ . }}
              key: {{ $ctx.Values.database.secretKey }}
        {{- end }}
        {{- if eq $ctx.Values.mode "split" }}
        - name: GARRISON_BUS_URL
          {{- if $ctx.Values.nats.existingSecret }}
          valueFrom:
            secretKeyRef:
              name: {{ $ctx.Values.nats.existingSecret }}
              key: {{ $ctx.Values.nats.secretKey }}
          {{- else }}
          value: {{ $ctx.Values.nats.url | quote }}
          {{- end }}
        {{- end }}
        {{- with $ctx.Values.admin.existingSecret }}
        - name: GARRISON_ADMIN_EMAIL
          valueFrom:
            secretKeyRef:
              name: {{ . }}
              key: GARRISON_ADMIN_EMAIL
              optional: true
        - name: GARRISON_ADMIN_PASSWORD
          valueFrom:
            secretKeyRef:
              name: {{ . }}
              key: GARRISON_ADMIN_PASSWORD
        {{- end }}
        {{- if has $component (list "all" "gateway" "worker") }}
        {{- with $ctx.Values.billing.stripe }}
        {{- if .existingSecret }}
        - name: GARRISON_STRIPE_SECRET_KEY
          valueFrom:
            secretKeyRef:
              name: {{ .existingSecret }}
              key: {{ .secretKeyKey }}
        - name: GARRISON_STRIPE_WEBHOOK_SECRET
          valueFrom:
            secretKeyRef:
              name: {{ .existingSecret }}
              key: {{ .webhookSecretKey }}
        {{- end }}
        {{- if .apiBase }}
        - name: GARRISON_STRIPE_API_BASE
          value: {{ .apiBase | quote }}
        {{- end }}
        {{- end }}
        {{- end }}
        {{- if $ctx.Values.otel.enabled }}
        {{- $role := ternary "all" $component (eq $component "all") }}
        - name: OTEL_EXPORTER_OTLP_ENDPOINT
          value: {{ $ctx.Values.otel.endpoint | quote }}
        - name: OTEL_SERVICE_NAME
          value: {{ ternary $ctx.Values.otel.serviceName (printf "%s-%s" $ctx.Values.otel.serviceName $component) (eq $component "all") | quote }}
        {{- $attrs := list "k8s.namespace.name=$(POD_NAMESPACE)" "k8s.pod.name=$(POD_NAME)" (printf "service.version=%s" $ctx.Chart.AppVersion) (printf "garrison.role=%s" $role) }}
        {{- range $k, $v := $ctx.Values.otel.resourceAttributes }}
        {{- $attrs = append $attrs (printf "%s=%v" $k $v) }}
        {{- end }}
        - name: OTEL_RESOURCE_ATTRIBUTES
          value: {{ join "," $attrs | quote }}
        {{- end }}
        {{- with $ctx.Values.extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
        {{- with $values.extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
        {{- if $receives }}
        - name: syslog-tcp
          containerPort: {{ $ctx.Values.syslog.port }}
          protocol: TCP
        - name: syslog-udp
          containerPort: {{ $ctx.Values.syslog.port }}
          protocol: UDP
        {{- if $ctx.Values.ingest.tls.enabled }}
        - name: syslog-tls
          containerPort: {{ $ctx.Values.syslog.tlsPort }}
          protocol: TCP
        {{- end }}
        {{- end }}
      startupProbe:
        httpGet:
          path: /healthz
          port: http
        {{- toYaml $ctx.Values.probes.startup | nindent 8 }}
      livenessProbe:
        httpGet:
          path: /healthz
          port: http
        {{- toYaml $ctx.Values.probes.liveness | nindent 8 }}
      readinessProbe:
        httpGet:
          path: /readyz
          port: http
        {{- toYaml $ctx.Values.probes.readiness | nindent 8 }}
      {{- with $values.resources }}
      resources:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $ctx.Values.securityContext | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        - name: data
          mountPath: /var/lib/garrison
        - name: config
          mountPath: /etc/garrison/config
          readOnly: true
        {{- if $keys }}
        - name: run
          mountPath: /run/garrison
          readOnly: true
        {{- end }}
        {{- if and $receives $ctx.Values.ingest.tls.enabled }}
        - name: syslog-tls
          mountPath: /etc/garrison/tls
          readOnly: true
        {{- end }}
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: {{ $ctx.Values.tmpSizeLimit }}
    {{- if eq $component "all" }}
    {{- if and $values.persistence.enabled $values.persistence.existingClaim }}
    - name: data
      persistentVolumeClaim:
        claimName: {{ $values.persistence.existingClaim }}
    {{- else if not $values.persistence.enabled }}
    - name: data
      emptyDir: {}
    {{- end }}
    {{- else }}
    # Split roles keep nothing on disk: state is in PostgreSQL, keys come from a Secret.
    - name: data
      emptyDir:
        sizeLimit: 64Mi
    {{- end }}
    - name: config
      configMap:
        name: {{ include "garrison.componentName" . }}-config
    {{- if $keys }}
    - name: run
      emptyDir:
        medium: Memory
        sizeLimit: 1Mi
    - name: signing-keys
      secret:
        secretName: {{ $keys }}
        items:
          - key: {{ include "garrison.signingKeysSecretKey" $ctx }}
            path: signing-keys.toml
    {{- end }}
    {{- if and $receives $ctx.Values.ingest.tls.enabled }}
    - name: syslog-tls
      secret:
        secretName: {{ $ctx.Values.ingest.tls.existingSecret }}
        items:
          - key: tls.crt
            path: tls.crt
          - key: tls.key
            path: tls.key
          {{- with $ctx.Values.ingest.tls.clientCAKey }}
          - key: {{ . }}
            path: client-ca.pem
          {{- end }}
    {{- end }}
{{- end }}
