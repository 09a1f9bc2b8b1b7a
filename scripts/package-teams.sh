#!/usr/bin/env bash
# Builds the Teams app package for sideloading: fills in the bot's app id (MicrosoftAppId) and, when given,
# the developer URLs, then zips manifest.json and the two icons at the zip root.
#
#   scripts/package-teams.sh <MicrosoftAppId> [version]
#   COACHBOT_WEBSITE_URL, COACHBOT_PRIVACY_URL, COACHBOT_TERMS_URL (https) replace the placeholder URLs.
#
# Output: artifacts/teams/coachbot-teams.zip
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
app_id="${1:-${MicrosoftAppId:-}}"
version="${2:-1.0.0}"
guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
if [[ ! "$app_id" =~ $guid ]]; then
  echo "usage: scripts/package-teams.sh <MicrosoftAppId (a GUID)> [version]" >&2
  exit 2
fi
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "package-teams: version must look like 1.2.3" >&2
  exit 2
fi
for icon in color.png outline.png; do
  [ -s "$root/teams/$icon" ] || python3 "$root/teams/make-icons.py"
done

out="$root/artifacts/teams"
work="$(mktemp -d -t coachbot-teams.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
APP_ID="$app_id" VERSION="$version" python3 - "$root/teams/manifest.json" "$work/manifest.json" <<'PY'
import json, os, sys
src, dst = sys.argv[1], sys.argv[2]
m = json.load(open(src, encoding="utf-8"))
m["id"] = os.environ["APP_ID"]
m["version"] = os.environ["VERSION"]
for bot in m["bots"]:
    bot["botId"] = os.environ["APP_ID"]
for key, env in (("websiteUrl", "COACHBOT_WEBSITE_URL"), ("privacyUrl", "COACHBOT_PRIVACY_URL"), ("termsOfUseUrl", "COACHBOT_TERMS_URL")):
    value = os.environ.get(env)
    if value:
        if not value.startswith("https://"):
            sys.exit(f"package-teams: {env} must be an https URL")
        m["developer"][key] = value
json.dump(m, open(dst, "w", encoding="utf-8"), indent=2)
PY
cp "$root/teams/color.png" "$root/teams/outline.png" "$work/"
rm -f "$out/coachbot-teams.zip"
(cd "$work" && zip -q -X "$out/coachbot-teams.zip" manifest.json color.png outline.png)
echo "package-teams: artifacts/teams/coachbot-teams.zip (app id $app_id, version $version)"
