#!/usr/bin/env bash
# Runs every test of CoachBot. Installs what the tests need when it is missing (Chromium,
# Azurite, the Web Chat bundle), builds once, runs each test project and ends with one line:
#   N passed, N failed
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# 1. Test dependencies (each script is idempotent and quiet when all is in place).
for dep in scripts/deps/*.sh; do
  [ -e "$dep" ] || continue
  echo "[test] $(basename "$dep" .sh)"
  if ! bash "$dep"; then
    echo "[test] setting up $(basename "$dep" .sh) failed" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
done

# 2. Build once.
echo "[test] building"
if ! dotnet build CoachBot.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "[test] build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# 3. Run every test project; count from the TRX files.
results="$(mktemp -d -t coachbot-tests.XXXXXX)"
status=0
for proj in $(find tests -name '*.Tests.csproj' | sort); do
  name="$(basename "$proj" .csproj)"
  echo "[test] $name"
  if ! dotnet test "$proj" -c Release --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
      --logger "console;verbosity=minimal" "$@"; then
    status=1
  fi
  if [ ! -s "$results/$name.trx" ]; then
    echo "[test] $name produced no results" >&2
    status=1
  fi
done

read -r passed failed < <(python3 - "$results" <<'PY'
import glob, re, sys
p = f = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r'<Counters\b[^>]*>', text)
    if not m:
        f += 1
        continue
    attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    p += int(attrs.get("passed", 0))
    f += int(attrs.get("failed", 0)) + int(attrs.get("error", 0)) + int(attrs.get("timeout", 0)) + int(attrs.get("aborted", 0))
print(p, f)
PY
)
rm -rf "$results"
if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then status=1; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
