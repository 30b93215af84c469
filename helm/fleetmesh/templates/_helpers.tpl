{{- define "fleetmesh.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "fleetmesh.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "fleetmesh.labels" -}}
app.kubernetes.io/name: {{ include "fleetmesh.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "fleetmesh.selectorLabels" -}}
app.kubernetes.io/name: {{ include "fleetmesh.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
