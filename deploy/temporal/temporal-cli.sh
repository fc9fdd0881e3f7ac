# Sourced by the jobs that call the Temporal CLI: `tcli` is `temporal` with the job's client certificate
# when TEMPORAL_TLS_CERT names one (the frontend requires mutual TLS), plain `temporal` otherwise.
tcli() {
  if [ -n "${TEMPORAL_TLS_CERT:-}" ]; then
    temporal "$@" --tls-cert-path "$TEMPORAL_TLS_CERT" --tls-key-path "${TEMPORAL_TLS_KEY:?}" \
      --tls-ca-path "${TEMPORAL_TLS_CA:?}" --tls-server-name "${TEMPORAL_TLS_SERVER_NAME:?}"
  else
    temporal "$@"
  fi
}
