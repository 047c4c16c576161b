#!/usr/bin/env bash
# Shelter's two commands:
#   ./run.sh          build and start the app with demo data on http://127.0.0.1:5080
#   ./run.sh test     install what the tests need, then run every test
#   SHELTER_DB=postgres ./run.sh   the same on PostgreSQL (a local cluster in the data folder, or ConnectionStrings__Shelter)
# and the admin tasks:
#   ./run.sh create-admin EMAIL   create the first administrator (prints a one-time password)
#   ./run.sh seed --size large    fill a fresh data folder with 10 sites, 300 beds, 5 years of stays
#   ./run.sh seed --size national 50 sites in two time zones, 1,500 beds, 10 years, with case work and accounts
#   ./run.sh bench                benchmarks over that large seed (figures go to docs/benchmarks.md)
#   ./run.sh bench double-booking what the write guards cost: 120 concurrent check-ins at 10 beds, 10 rounds
#   ./run.sh bench http [LABEL]   real HTTP with wrk against the published app on the national seed, beside bare Kestrel
#   ./run.sh demo-code EMAIL      the current two-factor code of a demo manager or administrator
#   ./run.sh publish DIR          a self-contained folder to install on a server (see docs/deploy.md)
#   ./run.sh backup DEST          a consistent copy of the database (while the app serves), the key ring, a manifest
#   ./run.sh restore SRC          a backup into an empty data folder (refuses to overwrite one in use)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  say "Installing $* (Debian packages)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# Front-end libraries come from npm and are served from wwwroot/lib; nothing from a CDN.
frontend() {
  if [ ! -d node_modules ] || [ package.json -nt node_modules/.package-lock.json ]; then
    say "Installing front-end libraries from npm"
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
  fi
  rm -rf wwwroot/lib && mkdir -p wwwroot/lib
  cp -r node_modules/bootstrap/dist wwwroot/lib/bootstrap
  cp -r node_modules/chart.js/dist wwwroot/lib/chart.js
  cp -r node_modules/jquery/dist wwwroot/lib/jquery
  cp -r node_modules/jquery-validation/dist wwwroot/lib/jquery-validation
  cp -r node_modules/jquery-validation-unobtrusive/dist wwwroot/lib/jquery-validation-unobtrusive
}

tools() {
  say "Restoring .NET tools and packages"
  dotnet tool restore >/dev/null
  dotnet restore Shelter.sln --verbosity quiet
}

# Where the data and, apart from it, the key ring live; and the certificate that encrypts the key
# ring at rest. For the demo a self-signed one is made once under secrets/ (never in a backup).
# The app as a server runs it: framework-dependent for this machine's platform, compiled ahead of time
# (ReadyToRun) so that a start does not wait for the JIT: about half the CPU to the first /health 200.
publish_app() {
  dotnet publish src/Shelter.Web -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
    --verbosity quiet -nologo -o "$1"
}

shelter_env() {
  export SHELTER_DATA="${SHELTER_DATA:-$ROOT/data}"
  # SHELTER_KEYS unset: the app keeps the key ring beside the data folder, in data-keys/.
  if [ -z "${Keys__Certificate:-}" ]; then
    local secrets="$ROOT/secrets"
    if [ ! -f "$secrets/key-ring.pfx" ]; then
      say "Making a certificate to encrypt the key ring ($secrets/key-ring.pfx)"
      mkdir -p "$secrets" && chmod 700 "$secrets"
      openssl rand -hex 24 >"$secrets/key-ring.password"
      openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=Shelter key ring" \
        -keyout "$secrets/key-ring.key" -out "$secrets/key-ring.crt" 2>/dev/null
      openssl pkcs12 -export -inkey "$secrets/key-ring.key" -in "$secrets/key-ring.crt" \
        -out "$secrets/key-ring.pfx" -passout "file:$secrets/key-ring.password"
      rm -f "$secrets/key-ring.key"
      chmod 600 "$secrets"/*
    fi
    export Keys__Certificate="$secrets/key-ring.pfx"
    export Keys__CertificatePasswordFile="$secrets/key-ring.password"
  fi
}

# SHELTER_DB=postgres: the app on PostgreSQL. With ConnectionStrings__Shelter set, that server;
# otherwise a local demo cluster inside the data folder, run as the postgres OS user (the server
# refuses root), on PGPORT (5433) and 127.0.0.1 only, stopped when Shelter stops.
postgres_env() {
  [ "${SHELTER_DB:-sqlite}" = postgres ] || return 0
  export Database__Provider=Postgres
  [ -n "${ConnectionStrings__Shelter:-}" ] && return 0
  local bin=/usr/lib/postgresql/15/bin pg="$SHELTER_DATA/postgres" port="${PGPORT:-5433}"
  [ -x "$bin/pg_ctl" ] || apt_install postgresql
  mkdir -p "$pg"
  as_root chown postgres "$pg"
  chmod 755 "$SHELTER_DATA"
  if [ ! -f "$pg/db/PG_VERSION" ]; then
    say "Creating a PostgreSQL cluster in $pg/db"
    as_root runuser -u postgres -- "$bin/initdb" -D "$pg/db" -A trust -U postgres --locale=C.UTF-8 -E UTF8 >/dev/null
  fi
  if ! as_root runuser -u postgres -- "$bin/pg_ctl" -D "$pg/db" status >/dev/null 2>&1; then
    say "Starting PostgreSQL on 127.0.0.1:$port"
    as_root runuser -u postgres -- "$bin/pg_ctl" -D "$pg/db" -o "-p $port -k $pg -c listen_addresses=127.0.0.1" -l "$pg/log" -w start >/dev/null
  fi
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'shelter'" | grep -q 1 \
    || "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE shelter"
  export ConnectionStrings__Shelter="Host=127.0.0.1;Port=$port;Username=postgres;Database=shelter"
  PG_STOP="as_root runuser -u postgres -- $bin/pg_ctl -D $pg/db -m fast -w stop"
}

run_app() {
  tools
  frontend
  say "Building"
  dotnet build src/Shelter.Web -c Release --no-restore --verbosity quiet -nologo
  shelter_env
  postgres_env
  export SHELTER_DEMO="${SHELTER_DEMO:-1}"
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
  # Plain HTTP on 127.0.0.1 for a local demo; a real installation sits behind TLS and leaves this unset.
  export Security__AllowInsecureCookies="${Security__AllowInsecureCookies:-true}"
  local port="${PORT:-5080}"
  say "Starting Shelter (data folder: $SHELTER_DATA, key ring: ${SHELTER_KEYS:-$SHELTER_DATA-keys})"
  if [ -n "${PG_STOP:-}" ]; then
    trap '$PG_STOP >/dev/null || true' EXIT
    dotnet run --project src/Shelter.Web -c Release --no-build -- --urls "http://127.0.0.1:$port" || true
  else
    exec dotnet run --project src/Shelter.Web -c Release --no-build -- --urls "http://127.0.0.1:$port"
  fi
}

run_tests() {
  command -v chromium >/dev/null 2>&1 || apt_install chromium
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || apt_install python3-aiosmtpd
  [ -x /usr/sbin/nginx ] || apt_install nginx   # the reverse-proxy tests run a real TLS nginx
  [ -x /usr/lib/postgresql/15/bin/pg_ctl ] || apt_install postgresql   # the Postgres… tests start a throwaway cluster
  tools
  frontend
  say "Building"
  dotnet build Shelter.sln -c Release --no-restore --verbosity quiet -nologo
  say "Checking the house style (.editorconfig)"
  # Whitespace, code style and analyzers, as the issue asks; the build checks style and analyzers again.
  dotnet format Shelter.sln --verify-no-changes --no-restore --verbosity quiet
  say "Running tests"
  # Test hosts neither reload settings nor watch files through inotify (Linux allows 128 per user).
  export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=true
  local log status=0
  log=$(mktemp)
  dotnet test Shelter.sln -c Release --no-build --verbosity minimal 2>&1 | tee "$log" || status=$?
  # One plain closing line for CI: totals across the test projects.
  awk '/(Passed|Failed)! +- +Failed:/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
       END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
  rm -f "$log"
  return $status
}

case "${1:-run}" in
  run) run_app ;;
  test) run_tests ;;
  seed)
    [ "${2:-}" = "--size" ] && [[ "${3:-}" =~ ^(large|national)$ ]] || { echo "usage: ./run.sh seed --size large|national" >&2; exit 2; }
    tools
    dotnet build src/Shelter.Web -c Release --no-restore --verbosity quiet -nologo
    shelter_env
    SHELTER_DEMO=0 dotnet run --project src/Shelter.Web -c Release --no-build -- seed --size "$3" ;;
  bench)
    tools
    if [ "${2:-}" = "http" ]; then
      # Real HTTP against the app as published for a server, on the national seed; the app needs the key ring's
      # certificate. SHELTER_BENCH_APP names another build's Shelter.Web.dll instead (to compare before and after).
      export SHELTER_DATA="${SHELTER_DATA:-$ROOT/bench/out/national}"
      shelter_env
      if [ -z "${SHELTER_BENCH_APP:-}" ]; then
        frontend
        say "Publishing the app to bench/out/app (ReadyToRun)"
        publish_app "$ROOT/bench/out/app"
        export SHELTER_BENCH_APP="$ROOT/bench/out/app/Shelter.Web.dll"
      fi
      command -v wrk >/dev/null 2>&1 || apt_install wrk
    elif [ "${SHELTER_DB:-sqlite}" = postgres ]; then
      # The same measurements on PostgreSQL: a cluster of its own under bench/out (a fresh one for
      # the double-booking load, which adds sites), or the server in ConnectionStrings__Shelter.
      if [ "${2:-}" = double-booking ]; then export SHELTER_DATA="$ROOT/bench/out/postgres-double-booking-$$"
      else export SHELTER_DATA="${SHELTER_DATA:-$ROOT/bench/out/large-postgres}"; export SHELTER_BENCH_DATA="$SHELTER_DATA"; fi
      shelter_env
      postgres_env
    fi
    dotnet build bench/Shelter.Bench -c Release --no-restore --verbosity quiet -nologo
    status=0
    dotnet run --project bench/Shelter.Bench -c Release --no-build -- "${@:2}" || status=$?
    if [ -n "${PG_STOP:-}" ]; then $PG_STOP >/dev/null || true; fi
    case "${SHELTER_DATA:-}" in *postgres-double-booking-*) as_root rm -rf "$SHELTER_DATA" ;; esac
    exit $status ;;
  create-admin)
    [ $# -ge 2 ] || { echo "usage: ./run.sh create-admin EMAIL" >&2; exit 2; }
    tools
    dotnet build src/Shelter.Web -c Release --no-restore --verbosity quiet -nologo
    shelter_env
    SHELTER_DEMO=0 dotnet run --project src/Shelter.Web -c Release --no-build -- create-admin "$2" ;;
  publish)
    [ $# -ge 2 ] || { echo "usage: ./run.sh publish DIR" >&2; exit 2; }
    tools
    frontend
    say "Publishing to $2"
    publish_app "$2"
    say "Published. Install it as docs/deploy.md describes." ;;
  backup|restore)
    [ $# -ge 2 ] || { echo "usage: ./run.sh $1 FOLDER" >&2; exit 2; }
    tools
    dotnet build src/Shelter.Web -c Release --no-restore --verbosity quiet -nologo
    shelter_env
    SHELTER_DEMO=0 dotnet run --project src/Shelter.Web -c Release --no-build -- "$1" "$(realpath -m "$2")" ;;
  demo-code)
    # The demo keys are published in the README; a real account's key never leaves its phone.
    case "${2:-}" in
      manager@demo.shelter) key=DEMOMANAGERSHELTERTOTPKEYQQQQQQQ ;;
      admin@demo.shelter) key=DEMOADMINSHELTERTOTPKEYQQQQQQQQQ ;;
      *) echo "usage: ./run.sh demo-code manager@demo.shelter|admin@demo.shelter" >&2; exit 2 ;;
    esac
    python3 - "$key" <<'PY'
import base64, hashlib, hmac, struct, sys, time
step = int(time.time()) // 30
mac = hmac.new(base64.b32decode(sys.argv[1]), struct.pack(">Q", step), hashlib.sha1).digest()
offset = mac[-1] & 15
code = (struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
print(f"{code:06d}  (good for {30 - int(time.time()) % 30} more seconds, once)")
PY
    ;;
  *) echo "usage: ./run.sh [run|test|create-admin EMAIL|seed --size large|bench|demo-code EMAIL|publish DIR|backup DEST|restore SRC]" >&2; exit 2 ;;
esac
