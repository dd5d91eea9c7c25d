#!/usr/bin/env bash
# Start the local PostgreSQL 15 and make the unknot test role and database.
#
# Idempotent: safe to run on a fresh machine and when the server is already up.
# Prints the URL to export as UNKNOT_TEST_POSTGRES_URL (or UNKNOT_DATABASE_URL).
set -euo pipefail

VERSION=15
CLUSTER=main
PORT=5432
ROLE=unknot
PASSWORD=unknot
DATABASE=unknot_test

log() { echo "postgres.sh: $*" >&2; }

# runuser keeps the current folder, which the postgres user may not be allowed to read.
cd /

as_postgres() { runuser -u postgres -- "$@"; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    log "PostgreSQL is not installed; install it with: apt-get install -y postgresql"
    exit 1
fi

# A fresh install normally ships the cluster; make it if it was dropped.
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION $CLUSTER"; then
    log "creating cluster $VERSION/$CLUSTER"
    pg_createcluster --port "$PORT" "$VERSION" "$CLUSTER" >&2
fi

status=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}')
if [ "$status" != "online" ]; then
    log "starting cluster $VERSION/$CLUSTER"
    pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" start >&2
fi

# The server may take a moment to accept connections after start.
for _ in $(seq 1 50); do
    if pg_isready -q -h 127.0.0.1 -p "$PORT"; then
        break
    fi
    sleep 0.2
done
if ! pg_isready -q -h 127.0.0.1 -p "$PORT"; then
    log "the server did not accept connections on 127.0.0.1:$PORT"
    exit 1
fi

psql_admin() { as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -qtAX "$@"; }

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
    log "creating role $ROLE"
    # CREATEDB so tests may make scratch databases; no superuser needed.
    psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
else
    # Converge an older or hand-made role to what the tests expect.
    psql_admin -c "ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
fi

if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
    log "creating database $DATABASE"
    psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE"
fi

echo "postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
