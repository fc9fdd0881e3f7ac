#!/bin/sh
# One-shot job (temporalio/admin-tools): registers the nominations' custom search attributes on the namespace.
# SEARCH_ATTRIBUTES lists `Name=Type` pairs (libs/domain/search-attributes.ts; test/compose-wiring.test.ts keeps
# them in step). Creating an attribute that exists with the same type succeeds, so the job is safe to re-run; one
# that exists with another type fails it.
set -eu
. "$(dirname "$0")/temporal-cli.sh"
: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:?}" "${SEARCH_ATTRIBUTES:?}"
for pair in $SEARCH_ATTRIBUTES; do
  name=${pair%%=*}
  type=${pair#*=}
  attempt=0
  # A namespace just created takes a few seconds to be known to every part of the server.
  until tcli operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" --name "$name" --type "$type" >/dev/null; do
    attempt=$((attempt + 1))
    [ "$attempt" -lt 30 ] || { echo "could not register $name ($type)"; exit 1; }
    sleep 1
  done
  echo "search attribute $name ($type) registered"
done
