#!/bin/sh
# One-shot job (temporalio/admin-tools): creates the application's namespace unless it exists. Safe to re-run.
set -eu
. "$(dirname "$0")/temporal-cli.sh"
: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:?}"
attempt=0
until tcli operator cluster health >/dev/null 2>&1; do
  attempt=$((attempt + 1))
  [ "$attempt" -lt 60 ] || { echo "Temporal at $TEMPORAL_ADDRESS is not serving"; exit 1; }
  sleep 1
done
if tcli operator namespace describe --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1; then
  echo "namespace $TEMPORAL_NAMESPACE already exists"
else
  tcli operator namespace create --namespace "$TEMPORAL_NAMESPACE" --retention "${TEMPORAL_NAMESPACE_RETENTION:-30d}"
fi
