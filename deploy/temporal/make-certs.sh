#!/bin/sh
# One-shot job: the private CA and the certificates of the mutual TLS between Temporal's frontend and its
# clients, written once into CERTS_DIR (the temporal-tls volume) and kept across restarts. One directory per
# container, each holding ca.pem, tls.pem and tls.key; a container mounts only its own (a volume subpath),
# and the CA's key stays in ca/, which no other container mounts. To renew, delete the volume's files and
# start the stack again (or run this job alone), then restart Temporal and its clients.
set -eu
CERTS_DIR=${CERTS_DIR:-/certs}
DAYS=${TEMPORAL_TLS_DAYS:-825}
SERVER_NAME=${TEMPORAL_TLS_SERVER_NAME:-temporal}
command -v openssl >/dev/null || apk add --no-cache openssl >/dev/null
cd "$CERTS_DIR"
if [ -f ca/ca.pem ]; then
  echo "certificates exist in $CERTS_DIR"
  exit 0
fi
umask 077
mkdir -p ca
openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days 3650 -subj "/CN=tdkt-temporal-ca" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout ca/ca.key -out ca/ca.pem 2>/dev/null

# issue DIR COMMON_NAME EXTENDED_KEY_USAGE [SUBJECT_ALT_NAMES]
issue() {
  mkdir -p "$1"
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=%s\n' "$3" >"$1/ext.cnf"
  [ -z "${4:-}" ] || printf 'subjectAltName=%s\n' "$4" >>"$1/ext.cnf"
  openssl req -newkey rsa:2048 -nodes -sha256 -subj "/CN=$2" -keyout "$1/tls.key" -out "$1/tls.csr" 2>/dev/null
  openssl x509 -req -sha256 -days "$DAYS" -in "$1/tls.csr" -CA ca/ca.pem -CAkey ca/ca.key -CAcreateserial \
    -extfile "$1/ext.cnf" -out "$1/tls.pem" 2>/dev/null
  rm "$1/tls.csr" "$1/ext.cnf"
  cp ca/ca.pem "$1/ca.pem"
  # Readable whatever user the container's image runs as: the boundary is the mount, which shows a
  # container its own directory only.
  chmod 0755 "$1"
  chmod 0444 "$1/ca.pem" "$1/tls.pem" "$1/tls.key"
}

# The server's certificate serves the frontend and the internode traffic, and identifies Temporal's own
# system workers to the frontend as a client.
issue server "$SERVER_NAME" serverAuth,clientAuth "DNS:$SERVER_NAME,DNS:localhost"
for client in api worker ui admin; do
  issue "$client" "tdkt-$client" clientAuth
done
echo "certificates written to $CERTS_DIR (valid $DAYS days; CA 10 years)"
