#!/usr/bin/env bash
# Starts Azurite with its SQL metadata store (MariaDB) on 127.0.0.1, for the scheduler benchmark on Azure Blob.
#
#   bash bench/azurite-sql.sh start [PORT]   # Azurite on PORT (default 10100), MariaDB on PORT+1
#   bash bench/azurite-sql.sh stop
#
# Why not the in-memory Azurite the tests use: its metadata store (LokiJS) scans every blob of the account for each
# request, so each request gets slower as the store grows (docs/scheduling.md). Azure Storage itself indexes blobs by
# name, and so does Azurite's SQL store. Everything lives in a temporary folder that `stop` removes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="${TMPDIR:-/tmp}/coachbot-azurite-sql"
port="${2:-10100}"
db_port=$((port + 1))

stop() {
  if [[ -f "$state/azurite.pid" ]]; then kill "$(cat "$state/azurite.pid")" 2>/dev/null || true; fi
  if [[ -f "$state/mariadb.pid" ]]; then kill "$(cat "$state/mariadb.pid")" 2>/dev/null || true; fi
  sleep 2
  rm -rf "$state"
}

start() {
  if ! command -v mariadbd >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q mariadb-server >/dev/null
  fi
  bash "$root/scripts/deps/azurite.sh"
  stop
  mkdir -p "$state/db" "$state/blobs"
  mariadb-install-db --no-defaults --datadir="$state/db" --user="$(id -un)" --auth-root-authentication-method=normal >"$state/install.log" 2>&1
  setsid nohup mariadbd --no-defaults --datadir="$state/db" --user="$(id -un)" --bind-address=127.0.0.1 --port="$db_port" \
    --socket="$state/mariadb.sock" --skip-log-bin --innodb-buffer-pool-size=512M </dev/null >"$state/mariadb.log" 2>&1 &
  echo $! >"$state/mariadb.pid"
  for _ in $(seq 1 30); do
    mariadb --no-defaults -uroot -h127.0.0.1 -P"$db_port" -e "CREATE DATABASE IF NOT EXISTS azurite_blob" 2>/dev/null && break
    sleep 1
  done
  AZURITE_DB="mysql://root@127.0.0.1:$db_port/azurite_blob" setsid nohup "$root/tools/azurite/node_modules/.bin/azurite-blob" \
    --blobHost 127.0.0.1 --blobPort "$port" --location "$state/blobs" --silent --skipApiVersionCheck --disableTelemetry \
    </dev/null >"$state/azurite.log" 2>&1 &
  echo $! >"$state/azurite.pid"
  for _ in $(seq 1 30); do
    grep -q "successfully listens" "$state/azurite.log" 2>/dev/null && break
    sleep 1
  done
  grep -q "successfully listens" "$state/azurite.log" || { cat "$state/azurite.log" >&2; exit 1; }
  echo "Azurite (SQL metadata) on http://127.0.0.1:$port/devstoreaccount1"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: bash bench/azurite-sql.sh start|stop [PORT]" >&2; exit 2 ;;
esac
