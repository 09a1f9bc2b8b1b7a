#!/usr/bin/env bash
# 10-minute soak of the real host: builds it (Release), starts it on 127.0.0.1 with SQLite (or memory) storage,
# drives steady load on /api/messages from bench/soak/driver.mjs and prints start/end/max RSS and the slope.
# Not part of the test suite.
#   bash bench/soak/run.sh [minutes=10] [Sqlite|Memory] [turns-per-second=40]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
minutes="${1:-10}"
provider="${2:-Sqlite}"
rate="${3:-40}"
work="$(mktemp -d -t coachbot-soak.XXXXXX)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "[soak] building the host (Release)"
dotnet build "$root/src/CoachBot.Host/CoachBot.Host.csproj" -c Release --artifacts-path "$work/artifacts" -nologo -clp:ErrorsOnly >/dev/null
dll="$(find "$work/artifacts/bin/CoachBot.Host" -name CoachBot.Host.dll | head -n 1)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
secret="$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"

echo "[soak] starting the host on 127.0.0.1:$port with $provider storage"
(
  cd "$(dirname "$dll")"
  ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
  Storage__Provider="$provider" Storage__Sqlite__Path="$work/soak.db" DirectLine__Secret="$secret" \
  DataProtection__KeyEncryptionKey="$(head -c 32 /dev/urandom | base64)" \
  Bot__TypingDelay=00:00:00 Bot__AllowAnonymous=true Logging__LogLevel__Default=Warning \
  exec dotnet "$dll"
) >"$work/host.log" 2>&1 &
host=$!
trap 'kill "$host" 2>/dev/null || true; wait "$host" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 150); do
  if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$host" 2>/dev/null; then echo "[soak] the host exited:"; cat "$work/host.log"; exit 1; fi
  sleep 0.2
done
# The dotnet muxer execs the app, so $host is the app's own process.
echo "[soak] host pid $host; load for $minutes minutes at $rate turns/s"
status=0
node "$root/bench/soak/driver.mjs" --base "http://127.0.0.1:$port" --pid "$host" --minutes "$minutes" --rate "$rate" || status=$?
if ! kill -0 "$host" 2>/dev/null; then echo "[soak] the host died during the soak"; status=1; fi
echo "[soak] host errors logged: $(grep -c '^fail:' "$work/host.log" || true)"
exit "$status"
