#!/usr/bin/env bash
# A signed-in wapiti scan of the demo app, one scan per role, reports under docs/security/.
#   bench/security/wapiti-scan.sh [CRAWL_MINUTES] [ATTACK_SECONDS_PER_MODULE]   (defaults 4, 90)
# Starts its own copy of the app on port 5092 with a throwaway data folder: the scanner submits
# every form it finds, so it must never run against real data.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
MINUTES=${1:-4}
ATTACK=${2:-90}
PORT=5092
BASE=http://127.0.0.1:$PORT
DATA=$(mktemp -d)
OUT=$ROOT/docs/security
DAY=$(date -u +%F)
mkdir -p "$OUT"
command -v wapiti >/dev/null || { sudo apt-get install -y -qq wapiti >/dev/null; }
WAPITI_PYTHON=$(head -1 "$(command -v wapiti)" | cut -c3-)   # Debian's python, where wapitiCore lives

dotnet build src/Shelter.Web -c Release --verbosity quiet -nologo >/dev/null
SHELTER_DATA=$DATA SHELTER_DEMO=1 ASPNETCORE_ENVIRONMENT=Production Security__AllowInsecureCookies=true \
  ASPNETCORE_URLS=$BASE RateLimits__SignInPerMinute=1000 \
  dotnet run --project src/Shelter.Web -c Release --no-build >"$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 60); do curl -fs "$BASE/health" >/dev/null && break; sleep 1; done

# Forms that end the scanner's own session or lock it out of its account.
EXCLUDE=(-x "$BASE/Account/Logout" -x "$BASE/Account/ChangePassword" -x "$BASE/Account/TwoFactor*"
         -x "$BASE/admin/users/*" -x "$BASE/jobs*")
scan() { # ROLE EMAIL [KEY]
  python3 bench/security/signin.py "$BASE" "$2" Shelter-demo-2026 ${3:-} >"$DATA/cookies-$1.json"
  "$WAPITI_PYTHON" bench/security/wapiti_patched.py -u "$BASE/" -c "$DATA/cookies-$1.json" --scope folder "${EXCLUDE[@]}" \
    -m "xss,permanentxss,sql,blindsql,exec,file,crlf,redirect,csrf,http_headers,cookieflags,ssrf,xxe" \
    --max-scan-time $((MINUTES * 60)) --max-attack-time "$ATTACK" -d 6 --max-links-per-page 200 --flush-session \
    -f txt -o "$OUT/wapiti-$DAY-$1.txt" >"$DATA/wapiti-$1.log" 2>&1 || { tail -20 "$DATA/wapiti-$1.log"; exit 1; }
  grep -h "URLs and forms" "$DATA/wapiti-$1.log" | sed "s/^/$1: /"
  # Still signed in at the end? If not, the scan covered less than it claims.
  if curl -fs -b "Shelter.Session=$(python3 -c "import json,sys;print(json.load(open('$DATA/cookies-$1.json'))['127.0.0.1']['/']['Shelter.Session']['value'])")" \
       -o /dev/null -w '%{url_effective} %{http_code}\n' "$BASE/" | grep -q ' 200'; then echo "$1: still signed in after the scan"; else echo "$1: SIGNED OUT during the scan"; fi
}
# The case manager holds the Intake and Housing policies too, so her crawl covers the staff pages.
scan case-manager casemanager@demo.shelter
scan manager manager@demo.shelter DEMOMANAGERSHELTERTOTPKEYQQQQQQQ
echo "Server errors (500) during the scans: $(grep -c 'fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware' "$DATA/app.log" || true)"
grep -A2 'fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware' "$DATA/app.log" | grep -E 'Exception:' | sort | uniq -c || true
echo "Reports: $OUT/wapiti-$DAY-*.txt"
