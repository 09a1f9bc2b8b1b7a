#!/usr/bin/env bash
# The one benchmark command: CoachBot side by side with the peer (Microsoft's Bot Framework JS SDK running
# the same 4-step check-in), driven by the peer's own load generator, all on 127.0.0.1, in one run:
#
#   peer         the peer's bot.js (botbuilder 4.23.3, MemoryStorage) + its sink.js, driven by its load.js
#   bench        bench/CoachBot.Bench.Bot (our runtime, same 4-step dialog), memory state, same load.js
#   bench-sqlite the same with the durable SQLite store
#   host         the real product (src/CoachBot.Host, memory storage): onboarding, then real check-ins,
#                driven by bench/realflow.js (load.js speaks only the 4-step script)
#   host-sqlite  the same with SQLite storage (the product's default)
#
# Then prints one table with turns/s, p50/p95/p99, CPU ms per turn, peak RSS and idle RSS after start, the
# ratios against the peer, and the issue-9 targets. Every process it starts is stopped by its own PID.
#
# Environment (all optional):
#   PEER_DIR          the peer (default: ../shared/bench/peer-botbuilder-js from the repository root); only
#                     read: its files are copied to BENCH_WORK/peer and `npm ci` runs there (works offline)
#   BENCH_WORK        scratch folder (default bench/.work, ignored by git): peer copy, build output, SQLite files, logs
#   PHASES            which runs, in order (default "peer bench bench-sqlite host host-sqlite")
#   ROUNDS=1          run the phases this many times, in turn (peer, bench, ..., peer, bench, ...); with more than
#                     one round the report adds the median of each figure and of each round's ratio to its own peer
#   CONVERSATIONS=50  TURNS=20000  WARMUP_TURNS=2000  DURATION_S=120   (the peer's defaults, for every run)
#   BOT_PORT=3978 SINK_PORT=3979  IDLE_WAIT_S=5 (seconds after start before idle RSS is read)
#   WAIT_QUIET_S=0    before each run wait up to this long for the machine to be idle (QUIET_PCT, default 10 %)
#   SKIP_BUILD=1      use the last build
#   VERBOSE=1         print each driver's full output
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
PEER_DIR="${PEER_DIR:-$REPO/../shared/bench/peer-botbuilder-js}"
WORK="${BENCH_WORK:-$REPO/bench/.work}"
PHASES="${PHASES:-peer bench bench-sqlite host host-sqlite}"
BOT_PORT="${BOT_PORT:-3978}"
SINK_PORT="${SINK_PORT:-3979}"
IDLE_WAIT_S="${IDLE_WAIT_S:-5}"
export CONVERSATIONS="${CONVERSATIONS:-50}"
export TURNS="${TURNS:-20000}"
export WARMUP_TURNS="${WARMUP_TURNS:-2000}"
export DURATION_S="${DURATION_S:-120}"
ROUNDS="${ROUNDS:-1}"
ROUND=1
if ! [[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]]; then echo "[bench] ROUNDS must be a whole number of at least 1, not '$ROUNDS'" >&2; exit 1; fi

mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
ARTIFACTS="$WORK/artifacts"
PEER="$WORK/peer"
LOGS="$WORK/logs"
RESULTS="$WORK/results.jsonl"
mkdir -p "$LOGS"
: >"$RESULTS"

# ---- processes: started here, stopped by PID ------------------------------------------------------------
PIDS=()
stop_all() {
  local p
  for p in "${PIDS[@]}"; do
    if kill -0 "$p" 2>/dev/null; then kill -TERM "$p" 2>/dev/null || true; fi
  done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$p" 2>/dev/null; then kill -KILL "$p" 2>/dev/null || true; fi
    wait "$p" 2>/dev/null || true
  done
  PIDS=()
}
trap stop_all EXIT INT TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { # port name pid
  for _ in $(seq 1 300); do
    if port_busy "$1"; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then echo "[bench] $2 exited before listening on 127.0.0.1:$1" >&2; return 1; fi
    sleep 0.1
  done
  echo "[bench] $2 did not start listening on 127.0.0.1:$1" >&2
  return 1
}
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo null; }

machine_busy_pct() {
  node -e '
    const fs = require("fs");
    const rd = () => { const v = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
      return { busy: v[0] + v[1] + v[2], all: v.slice(0, 8).reduce((a, b) => a + b, 0) }; };
    const a = rd(); setTimeout(() => { const b = rd(); console.log(Math.round((100 * (b.busy - a.busy)) / Math.max(1, b.all - a.all))); }, 3000);'
}
wait_quiet() {
  local limit="${WAIT_QUIET_S:-0}" waited=0 pct
  [ "$limit" -gt 0 ] || return 0
  while :; do
    pct="$(machine_busy_pct)"
    if [ "$pct" -lt "${QUIET_PCT:-10}" ]; then echo "[bench] machine idle (${pct}% busy) after ${waited}s" >&2; return 0; fi
    if [ "$waited" -ge "$limit" ]; then echo "[bench] machine still ${pct}% busy after ${waited}s; running anyway" >&2; return 0; fi
    sleep 5; waited=$((waited + 8))
  done
}

# ---- peer: a private copy, so the shared folder stays untouched ----------------------------------------
prepare_peer() {
  if [ ! -f "$PEER_DIR/load.js" ] || [ ! -f "$PEER_DIR/bot.js" ] || [ ! -f "$PEER_DIR/sink.js" ]; then
    echo "[bench] the peer is not at $PEER_DIR (set PEER_DIR)" >&2
    exit 1
  fi
  mkdir -p "$PEER"
  local f
  for f in bot.js load.js sink.js package.json package-lock.json; do
    if ! cmp -s "$PEER_DIR/$f" "$PEER/$f"; then cp "$PEER_DIR/$f" "$PEER/$f"; chmod u+w "$PEER/$f"; rm -rf "$PEER/node_modules"; fi
  done
  if [ ! -d "$PEER/node_modules/botbuilder" ]; then
    echo "[bench] npm ci for the peer (offline cache)..." >&2
    (cd "$PEER" && npm ci --no-audit --no-fund >"$LOGS/npm-ci.log" 2>&1) || { cat "$LOGS/npm-ci.log" >&2; exit 1; }
  fi
}

build() {
  if [ "${SKIP_BUILD:-0}" = "1" ]; then return 0; fi
  echo "[bench] building Release (bench bot, host)..." >&2
  local p
  for p in bench/CoachBot.Bench.Bot/CoachBot.Bench.Bot.csproj src/CoachBot.Host/CoachBot.Host.csproj; do
    (cd "$REPO" && dotnet build "$p" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q >"$LOGS/build.log" 2>&1) || { cat "$LOGS/build.log" >&2; exit 1; }
  done
}

# ---- one run ---------------------------------------------------------------------------------------------
# start_bot NAME DIR CMD...: starts CMD in DIR with the bench environment; sets BOT_PID
start_bot() {
  local name="$1" dir="$2"
  shift 2
  (cd "$dir" && exec "$@") >"$LOGS/$name.r$ROUND.bot.log" 2>&1 &
  BOT_PID=$!
  PIDS+=("$BOT_PID")
  wait_port "$BOT_PORT" "$name" "$BOT_PID"
}

record() { # name idleRssMb logfile
  local line
  line="$(grep '^RESULT_JSON ' "$3" | tail -1 | sed 's/^RESULT_JSON //' || true)"
  if [ -z "$line" ]; then
    echo "[bench] $1: the driver produced no result; its log:" >&2
    cat "$3" >&2
    echo "{\"run\":\"$1\",\"round\":$ROUND,\"failed\":true}" >>"$RESULTS"
    return 0
  fi
  node -e 'const r = JSON.parse(process.argv[1]); r.run = process.argv[2]; r.idleRssMb = process.argv[3] === "null" ? null : Number(process.argv[3]); r.round = Number(process.argv[4]); console.log(JSON.stringify(r));' "$line" "$1" "$2" "$ROUND" >>"$RESULTS"
  if [ "${VERBOSE:-0}" = "1" ]; then grep -v '^RESULT_JSON' "$3" >&2 || true; fi
}

run_4step() { # name storage(memory|sqlite|peer)
  local name="$1" kind="$2" idle="null" sink_pid
  wait_quiet
  for p in "$BOT_PORT" "$SINK_PORT"; do
    if port_busy "$p"; then echo "[bench] port $p on 127.0.0.1 is already in use (set BOT_PORT / SINK_PORT)" >&2; exit 1; fi
  done
  (cd "$PEER" && SINK_PORT="$SINK_PORT" QUIET=1 exec node sink.js) >"$LOGS/$name.r$ROUND.sink.log" 2>&1 &
  sink_pid=$!
  PIDS+=("$sink_pid")
  wait_port "$SINK_PORT" sink "$sink_pid"
  case "$kind" in
    peer) start_bot "$name" "$PEER" env PORT="$BOT_PORT" QUIET=1 NODE_ENV=production node bot.js ;;
    memory) start_bot "$name" "$ARTIFACTS/bin/CoachBot.Bench.Bot/release" env Urls="http://127.0.0.1:$BOT_PORT" Storage__Provider=Memory dotnet CoachBot.Bench.Bot.dll ;;
    sqlite)
      rm -rf "$WORK/sqlite-$name"; mkdir -p "$WORK/sqlite-$name"
      start_bot "$name" "$ARTIFACTS/bin/CoachBot.Bench.Bot/release" env Urls="http://127.0.0.1:$BOT_PORT" Storage__Provider=Sqlite Storage__Sqlite__Path="$WORK/sqlite-$name/bench.db" dotnet CoachBot.Bench.Bot.dll ;;
  esac
  sleep "$IDLE_WAIT_S"
  idle="$(rss_mb "$BOT_PID")"
  echo "[bench] $name: started (pid $BOT_PID, idle RSS $idle MB); load.js..." >&2
  set +e
  (cd "$PEER" && BOT_URL="http://127.0.0.1:$BOT_PORT/api/messages" SERVICE_URL="http://127.0.0.1:$SINK_PORT" BOT_PID="$BOT_PID" SINK_PID="$sink_pid" \
    timeout $((2 * DURATION_S + 60)) node load.js) >"$LOGS/$name.r$ROUND.load.log" 2>&1
  set -e
  stop_all
  record "$name" "$idle" "$LOGS/$name.r$ROUND.load.log"
}

run_host() { # name storage(memory|sqlite)
  local name="$1" kind="$2" idle provider secret
  wait_quiet
  for p in "$BOT_PORT" "$SINK_PORT"; do
    if port_busy "$p"; then echo "[bench] port $p on 127.0.0.1 is already in use (set BOT_PORT / SINK_PORT)" >&2; exit 1; fi
  done
  provider=Memory
  [ "$kind" = "sqlite" ] && provider=Sqlite
  rm -rf "$WORK/sqlite-$name"; mkdir -p "$WORK/sqlite-$name"
  secret="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  start_bot "$name" "$ARTIFACTS/bin/CoachBot.Host/release" env Urls="http://127.0.0.1:$BOT_PORT" ASPNETCORE_ENVIRONMENT=Production Bot__AllowAnonymous=true \
    Storage__Provider="$provider" Storage__Sqlite__Path="$WORK/sqlite-$name/coachbot.db" DirectLine__Secret="$secret" \
    DataProtection__KeyEncryptionKey="$(head -c 32 /dev/urandom | base64)" dotnet CoachBot.Host.dll
  sleep "$IDLE_WAIT_S"
  idle="$(rss_mb "$BOT_PID")"
  echo "[bench] $name: started (pid $BOT_PID, idle RSS $idle MB); realflow.js..." >&2
  set +e
  BOT_URL="http://127.0.0.1:$BOT_PORT/api/messages" SINK_PORT="$SINK_PORT" BOT_PID="$BOT_PID" DURATION_S=$((DURATION_S * 3)) \
    timeout $((6 * DURATION_S + 120)) node "$REPO/bench/realflow.js" >"$LOGS/$name.r$ROUND.load.log" 2>&1
  set -e
  stop_all
  record "$name" "$idle" "$LOGS/$name.r$ROUND.load.log"
}

prepare_peer
build
echo "[bench] $CONVERSATIONS conversations, $TURNS measured turns after $WARMUP_TURNS warm-up turns; logs in $LOGS" >&2
for ROUND in $(seq 1 "$ROUNDS"); do
  if [ "$ROUNDS" -gt 1 ]; then echo "[bench] round $ROUND of $ROUNDS" >&2; fi
  for phase in $PHASES; do
    case "$phase" in
      peer) run_4step peer peer ;;
      bench) run_4step bench memory ;;
      bench-sqlite) run_4step bench-sqlite sqlite ;;
      host) run_host host memory ;;
      host-sqlite) run_host host-sqlite sqlite ;;
      *) echo "[bench] unknown phase $phase" >&2; exit 1 ;;
    esac
  done
done

node "$REPO/bench/report.js" "$RESULTS"
