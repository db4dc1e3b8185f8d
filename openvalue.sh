#!/usr/bin/env bash
# OpenValue's one entry point: run the server, run the tests, run the benchmarks, manage the local database.
#   ./openvalue.sh run            serve at http://127.0.0.1:5080 (OPENVALUE_URLS overrides)
#   ./openvalue.sh build          the production build into .data/app, generated handler code compiled in
#   ./openvalue.sh codegen        write that code only (src/OpenValue.Api/Internal/Generated; the Dockerfile's step)
#   ./openvalue.sh test           every test project against a throwaway PostgreSQL; prints totals
#   ./openvalue.sh bench [--quick]
#   ./openvalue.sh bench-start [RUNS]   time the first start of the production build (5 runs; medians)
#   ./openvalue.sh db start|stop|status
#   ./openvalue.sh verify [--network ID]   check every network's event chain, documents and ledger
#   ./openvalue.sh web-types      refresh the web app's copy of the OpenAPI document and its generated types
#   ./openvalue.sh backup FILE | restore FILE   pg_dump / pg_restore of the local cluster's database
#   ./openvalue.sh recover --network ID --member ID --reason TEXT   a locked-out steward's fresh invitation link
# OPENVALUE_DB (a connection string) makes run, verify and bench use that database instead of the local one;
# OPENVALUE_DB_OWNER (the schema owner's) makes run apply the schema as it first, then run on OPENVALUE_DB;
# without it, run applies the schema as OPENVALUE_DB's role, by command, before starting the app.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA_DIR="${OPENVALUE_DATA_DIR:-$ROOT/.data/postgres}"
PG_PORT="${OPENVALUE_PG_PORT:-55432}"
URLS="${OPENVALUE_URLS:-http://127.0.0.1:5080}"
DB_NAME=openvalue
BENCH_DB=openvalue_bench
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '[openvalue] %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# --- PostgreSQL binaries -------------------------------------------------------------------------------
pg_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/pgsql/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then dirname "$(command -v pg_ctl)"; return 0; fi
  return 1
}

ensure_pg_binaries() {
  PG_BIN="$(pg_bindir)" && return 0
  if [ "$(id -u)" -ne 0 ]; then
    die "No PostgreSQL server binaries found (initdb, pg_ctl). Install PostgreSQL 13 or newer (Debian: sudo apt-get install postgresql), or set OPENVALUE_DB to a connection string."
  fi
  say "PostgreSQL server binaries not found: installing Debian's postgresql package..."
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 \
    || die "apt-get install postgresql failed; install PostgreSQL yourself or set OPENVALUE_DB."
  PG_BIN="$(pg_bindir)" || die "postgresql was installed but initdb/pg_ctl are still not found."
}

# PostgreSQL refuses to run as root: as root, run its tools as the 'postgres' OS user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# --- clusters ------------------------------------------------------------------------------------------
# init_cluster DIR PORT MODE: MODE 'durable' keeps fsync on; 'fast' is for throwaway test clusters only.
init_cluster() {
  local dir=$1 port=$2 mode=$3
  mkdir -p "$dir"
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  as_pg test -w "$dir" || die "The postgres user cannot write $dir (is a parent folder private?). Set OPENVALUE_DATA_DIR to a folder it can reach."
  # The superuser's password lives beside the cluster (git-ignored, mode 600) and is only used on loopback.
  (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=\n' >"$dir.password")
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir.password"
  as_pg "$PG_BIN/initdb" -D "$dir" -U postgres --pwfile="$dir.password" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
    || { cat "$dir.initdb.log" >&2; die "initdb failed"; }
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = ''"
    echo "max_connections = 200"
    echo "shared_buffers = 256MB"
    if [ "$mode" = fast ]; then
      echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"
    else
      echo "fsync = on"; echo "synchronous_commit = on"
    fi
  } | as_pg tee -a "$dir/postgresql.conf" >/dev/null
}

cluster_running() { as_pg "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

start_cluster() {
  local dir=$1
  cluster_running "$dir" && return 0
  # 9>&- : the server must not inherit run's lock, or the lock would outlive the app.
  as_pg "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null 9>&- \
    || { tail -n 20 "$dir/server.log" >&2; die "PostgreSQL did not start (log: $dir/server.log)"; }
}

stop_cluster() { cluster_running "$1" && as_pg "$PG_BIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null || true; }

# connection_string DIR PORT DATABASE
connection_string() {
  echo "Host=127.0.0.1;Port=$2;Database=$3;Username=postgres;Password=$(cat "$1.password");Maximum Pool Size=100"
}

# role_connection_string DIR PORT DATABASE ROLE: the local cluster's owner or runtime role (see ensure_roles).
role_connection_string() {
  echo "Host=127.0.0.1;Port=$2;Database=$3;Username=$4;Password=$(cat "$1.$4.password");Maximum Pool Size=100"
}

OWNER_ROLE=openvalue_owner
RUNTIME_ROLE=openvalue_app

# The schema's owner applies it (migrate); the app runs as a role that cannot change it or rewrite an event.
# Their passwords live beside the cluster's, like the superuser's. Idempotent.
ensure_roles() {
  local dir=$1 port=$2 db=$3 role
  for role in "$OWNER_ROLE" "$RUNTIME_ROLE"; do
    [ -f "$dir.$role.password" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=\n' >"$dir.$role.password")
  done
  sed -e "s/OWNER/$OWNER_ROLE/g; s/RUNTIME/$RUNTIME_ROLE/g; s/SCHEMA/openvalue/g; s/DATABASE/$db/g" \
    "$ROOT/src/OpenValue.Api/Integrity/Sql/local_roles.sql" |
    PGPASSWORD="$(cat "$dir.password")" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$db" -qX -v ON_ERROR_STOP=1 \
      -v owner_password="$(cat "$dir.$OWNER_ROLE.password")" -v runtime_password="$(cat "$dir.$RUNTIME_ROLE.password")" >/dev/null \
    || die "could not set up the database roles"
}

create_database() {
  local dir=$1 port=$2 db=$3
  PGPASSWORD="$(cat "$dir.password")" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAq \
    -c "select 1 from pg_database where datname = '$db'" | grep -q 1 && return 0
  PGPASSWORD="$(cat "$dir.password")" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -q \
    -c "create database \"$db\"" >/dev/null
}

# As root the server runs as 'postgres', which cannot enter a clone inside a private folder (/root, a
# mktemp dir). Then the cluster lives under /var/lib/openvalue and .data/postgres links to it.
place_cluster() {
  [ "$(id -u)" -eq 0 ] && [ ! -e "$DATA_DIR" ] || return 0
  local parent; parent="$(dirname "$DATA_DIR")"
  mkdir -p "$parent"
  runuser -u postgres -- test -x "$parent" && return 0
  local home; home="/var/lib/openvalue/clusters/$(printf '%s' "$ROOT" | sha256sum | cut -c1-16)"
  say "postgres cannot enter $parent; keeping the cluster in $home (linked from ${DATA_DIR#$ROOT/})"
  mkdir -p "$home"; chmod 755 /var/lib/openvalue /var/lib/openvalue/clusters "$home"
  ln -sfn "$home/postgres" "$DATA_DIR"
}

resolve_data_dir() { [ -L "$DATA_DIR" ] && DATA_DIR="$(readlink -f "$DATA_DIR")"; return 0; }

local_db_start() {
  ensure_pg_binaries
  place_cluster
  resolve_data_dir
  if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
    say "Creating a PostgreSQL cluster in ${DATA_DIR#$ROOT/} (durable: fsync on)..."
    init_cluster "$DATA_DIR" "$PG_PORT" durable
  fi
  start_cluster "$DATA_DIR"
  create_database "$DATA_DIR" "$PG_PORT" "$DB_NAME"
  ensure_roles "$DATA_DIR" "$PG_PORT" "$DB_NAME"
}

database_url() {
  if [ -n "${OPENVALUE_DB:-}" ]; then echo "$OPENVALUE_DB"; return; fi
  local_db_start
  role_connection_string "$DATA_DIR" "$PG_PORT" "$DB_NAME" "$RUNTIME_ROLE"
}

# The schema owner's connection string, or nothing when OPENVALUE_DB alone is given (run then migrates as the
# role the app connects with, before starting it).
owner_database_url() {
  if [ -n "${OPENVALUE_DB:-}" ]; then echo "${OPENVALUE_DB_OWNER:-}"; return; fi
  role_connection_string "$DATA_DIR" "$PG_PORT" "$DB_NAME" "$OWNER_ROLE"
}

# migrate OWNER_URL RUNTIME_URL: applies the schema as its owner and grants the runtime role (from the app's build).
# With one role for both (OPENVALUE_DB alone), it applies the schema as that role and grants nothing.
migrate() {
  if [ "$1" = "$2" ]; then
    say "Applying the schema (as the role the app runs as: no separate owner given)"
    (cd "$ROOT/.data/app" && OPENVALUE_DB="$1" dotnet OpenValue.Api.dll migrate >&2) || die "migrate failed"
    return
  fi
  local runtime; runtime="$(sed -nE 's/.*(^|;) *(Username|User Id|User ID|UserName) *= *([^;]+).*/\3/Ip' <<<"$2")"
  say "Applying the schema as its owner; the app runs as ${runtime:-the runtime role}"
  (cd "$ROOT/.data/app" && OPENVALUE_DB="$1" dotnet OpenValue.Api.dll migrate --runtime-role "$runtime" >&2) || die "migrate failed"
}

API_DIR="$ROOT/src/OpenValue.Api"

# Writes Wolverine's handler code for the current sources into the git-ignored src/OpenValue.Api/Internal/Generated:
# a build without it, `codegen write` (no database is reached), then the sources' fingerprint beside it.
generate_code() {
  rm -rf "$API_DIR/Internal/Generated"
  dotnet build "$API_DIR/OpenValue.Api.csproj" -c Release -v quiet -nologo >&2 || die "build failed"
  (cd "$API_DIR" && OPENVALUE_DB="Host=127.0.0.1;Port=1;Database=codegen" \
    dotnet bin/Release/net10.0/OpenValue.Api.dll codegen write >/dev/null) || die "codegen write failed"
  dotnet msbuild "$API_DIR/OpenValue.Api.csproj" -t:StampGeneratedCode -p:Configuration=Release -v:quiet -nologo >&2 \
    || die "could not stamp the generated code"
}

# The production build into .data/app: the generated code, then the app compiled with it (TypeLoadMode.Static).
build_app() {
  if app_is_current; then
    say "Build is up to date."
  else
    say "Building (with generated handler code)..."
    generate_code
    dotnet build "$API_DIR/OpenValue.Api.csproj" -c Release -p:OpenValueGeneratedCode=Static -o "$ROOT/.data/app" \
      -v quiet -nologo >&2 || die "build failed"
  fi
}

# --- web app (src/OpenValue.Web) -----------------------------------------------------------------------
WEB_DIR="$ROOT/src/OpenValue.Web"

require_node() {
  command -v node >/dev/null && command -v npm >/dev/null \
    || die "The web app needs Node.js 20.19 or newer with npm to build (nodejs.org, or your system's nodejs and npm packages)."
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || die "Node.js $(node --version) is too old for the web app's build: install 20.19 or newer."
}

# True when the built web app is newer than every file of its sources (skips npm and vite when nothing changed).
web_is_current() {
  local stamp="$WEB_DIR/dist/index.html"
  [ -f "$stamp" ] || return 1
  [ -z "$(find "$WEB_DIR" -newer "$stamp" -type f -not -path '*/node_modules/*' -not -path '*/dist/*' -print -quit)" ]
}

# npm ci when package-lock.json changed since node_modules was installed (npm ci writes node_modules/.package-lock.json).
web_install() {
  local installed="$WEB_DIR/node_modules/.package-lock.json"
  [ -f "$installed" ] && [ "$installed" -nt "$WEB_DIR/package-lock.json" ] && return 0
  say "Installing the web app's packages (npm ci)..."
  (cd "$WEB_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci failed in src/OpenValue.Web"
}

build_web() {
  web_is_current && return 0
  require_node
  web_install
  say "Building the web app (tsc + vite build)..."
  (cd "$WEB_DIR" && npm run --silent build >&2) || die "the web app's build failed (src/OpenValue.Web)"
}

# Vitest's component and unit tests; prints "passed failed" for the totals.
web_unit_tests() {
  local out=$1
  say "Testing the web app (Vitest)..."
  (cd "$WEB_DIR" && NO_COLOR=1 npx vitest run --reporter=default --reporter=json --outputFile="$out" >&2) || true
  [ -f "$out" ] || { echo "0 1"; return; }
  # A file that fails to load fails no single test, so an unsuccessful run without failed tests counts as one.
  node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests || (r.success ? 0 : 1))' "$out"
}

# The browser tests drive Debian's chromium (never a browser downloaded by Playwright).
ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  [ "$(id -u)" -eq 0 ] || die "The browser tests need Debian's chromium at /usr/bin/chromium: sudo apt-get install chromium"
  say "Installing Debian's chromium for the browser tests..."
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 \
    || { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2; }; } \
    || die "apt-get install chromium failed; install it yourself for the browser tests."
}

# Refreshes the web app's copy of the served OpenAPI document and the types generated from it.
cmd_web_types() {
  # As the schema's owner where there is one: the app the test starts applies the schema if there is none yet.
  local db owner; db="$(database_url)"; owner="$(owner_database_url)"
  [ -z "$owner" ] || db="$owner"
  build_web
  dotnet build "$ROOT/tests/OpenValue.Web.Tests/OpenValue.Web.Tests.csproj" -c Debug -v quiet -nologo >&2 || die "build failed"
  ensure_chromium
  OPENVALUE_DB="$db" OPENVALUE_WRITE_OPENAPI=1 dotnet test "$ROOT/tests/OpenValue.Web.Tests/OpenValue.Web.Tests.csproj" \
    --no-build -nologo --filter the_web_apps_api_document >&2 || die "could not read the served document"
  (cd "$WEB_DIR" && npm run --silent api:types >&2) || die "openapi-typescript failed"
  say "Wrote src/OpenValue.Web/openapi/v1.json and src/OpenValue.Web/src/api/schema.d.ts"
}

# --- backup and restore --------------------------------------------------------------------------------
# dump_database DIR PORT DATABASE FILE: everything, roles' ownership and grants included (custom format).
dump_database() {
  PGPASSWORD="$(cat "$1.password")" "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$2" -U postgres -d "$3" -Fc -f "$4"
}

# restore_database DIR PORT DATABASE FILE: replaces the database with the dump's contents.
restore_database() {
  local dir=$1 port=$2 db=$3 file=$4
  PGPASSWORD="$(cat "$dir.password")" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qX -v ON_ERROR_STOP=1 \
    -c "drop database if exists \"$db\" with (force)" -c "create database \"$db\"" >/dev/null || return 1
  PGPASSWORD="$(cat "$dir.password")" "$PG_BIN/pg_restore" -h 127.0.0.1 -p "$port" -U postgres -d "$db" --exit-on-error "$file"
}

local_cluster_only() {
  [ -z "${OPENVALUE_DB:-}" ] || die "$1 works on the local cluster; for another database use pg_dump -Fc / pg_restore (docs/architecture.md)."
}

cmd_backup() {
  [ -n "${1:-}" ] || die "usage: ./openvalue.sh backup FILE"
  local_cluster_only backup
  local_db_start
  dump_database "$DATA_DIR" "$PG_PORT" "$DB_NAME" "$1" || die "pg_dump failed"
  say "Backed up the database '$DB_NAME' to $1"
}

cmd_restore() {
  [ -f "${1:-}" ] || die "usage: ./openvalue.sh restore FILE (a file written by ./openvalue.sh backup)"
  local_cluster_only restore
  mkdir -p "$ROOT/.data"
  exec 9>"$ROOT/.data/run.lock"
  flock -n 9 || die "OpenValue is running from this folder; stop it before restoring."
  local_db_start
  restore_database "$DATA_DIR" "$PG_PORT" "$DB_NAME" "$1" || die "pg_restore failed"
  ensure_roles "$DATA_DIR" "$PG_PORT" "$DB_NAME"
  say "Restored $1 into '$DB_NAME'; ./openvalue.sh verify checks it."
}

# --- commands ------------------------------------------------------------------------------------------
cmd_db() {
  case "${1:-status}" in
    start) local_db_start; say "PostgreSQL is running on 127.0.0.1:$PG_PORT, data in ${DATA_DIR#$ROOT/}" ;;
    stop)
      ensure_pg_binaries; resolve_data_dir
      if cluster_running "$DATA_DIR"; then stop_cluster "$DATA_DIR"; say "PostgreSQL stopped."; else say "PostgreSQL was not running."; fi ;;
    status)
      ensure_pg_binaries; resolve_data_dir
      if [ -f "$DATA_DIR/PG_VERSION" ] && cluster_running "$DATA_DIR"; then say "running on 127.0.0.1:$PG_PORT"; else say "not running"; exit 3; fi ;;
    *) die "usage: ./openvalue.sh db start|stop|status" ;;
  esac
}

# True when the built app is newer than every source and build file (skips a ~10 s no-op build).
app_is_current() {
  local dll="$ROOT/.data/app/OpenValue.Api.dll"
  [ -f "$dll" ] || return 1
  [ -z "$(find "$ROOT/src" "$ROOT"/Directory.*.props -newer "$dll" -type f \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.props' -o -name '*.sql' \) -not -path '*/obj/*' \
    -not -path '*/bin/*' -not -path '*/node_modules/*' -not -path '*/Internal/Generated/*' -print -quit)" ] \
    && { [ ! -f "$WEB_DIR/dist/index.html" ] || [ "$dll" -nt "$WEB_DIR/dist/index.html" ]; }
}

cmd_run() {
  mkdir -p "$ROOT/.data"
  exec 9>"$ROOT/.data/run.lock"
  flock -n 9 || die "OpenValue is already running from this folder; stop it first (Ctrl-C in its terminal)."
  local db owner; db="$(database_url)"; owner="$(owner_database_url)"
  build_web
  build_app
  # The schema is applied by command before the app starts, which then creates no schema object itself.
  migrate "${owner:-$db}" "$db"
  say "Starting at $URLS (Ctrl-C stops the server; data stays in ${DATA_DIR#$ROOT/})"
  cd "$ROOT/.data/app"
  OPENVALUE_DB="$db" OPENVALUE_URLS="$URLS" OpenValue__ApplySchemaOnStartup=false exec dotnet OpenValue.Api.dll
}

# The first start as run does it (the production build, schema migrated, the runtime role): RUNS times, the seconds
# from starting the process to the first 200 from /health, and the CPU seconds it used until then; then the medians.
cmd_bench_start() {
  local runs=${1:-5} db owner port=${OPENVALUE_BENCH_START_PORT:-5081} i pid start wall cpu walls=() cpus=()
  db="$(database_url)"; owner="$(owner_database_url)"
  build_web
  build_app
  migrate "${owner:-$db}" "$db"
  cd "$ROOT/.data/app"
  for i in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    OPENVALUE_DB="$db" OPENVALUE_URLS="http://127.0.0.1:$port" OpenValue__ApplySchemaOnStartup=false \
      dotnet OpenValue.Api.dll >/dev/null 2>&1 &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = 200 ]; do
      kill -0 "$pid" 2>/dev/null || die "the app exited before answering /health"
      sleep 0.02
    done
    wall=$(( ($(date +%s%N) - start) / 1000000 ))
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    walls+=("$wall"); cpus+=("$cpu")
    printf 'run %d: %d ms to the first 200, %d ms CPU (load %s)\n' "$i" "$wall" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  done
  printf 'median of %d: %d ms, %d ms CPU\n' "$runs" "$(median "${walls[@]}")" "$(median "${cpus[@]}")"
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

# Read-only: runs as the app's runtime role (or OPENVALUE_DB); exits non-zero on any break.
cmd_verify() {
  local db; db="$(database_url)"
  build_app
  cd "$ROOT/.data/app"
  OPENVALUE_DB="$db" exec dotnet OpenValue.Api.dll verify "$@"
}

# Writes: an invitation and its record on the network (see README, "recover"); the link goes to stdout once.
cmd_recover() {
  local db; db="$(database_url)"
  build_app
  cd "$ROOT/.data/app"
  OPENVALUE_DB="$db" exec dotnet OpenValue.Api.dll recover "$@"
}

# Counted as one test: every benchmark runs once on a tiny network (bench --quick) and its figures are
# positive and finite. No timing thresholds: this cluster has fsync off and shares the machine.
bench_smoke_test() {
  local dir=$1 port=$2 tmp=$3
  create_database "$dir" "$port" "$BENCH_DB"
  say "Smoke-testing the benchmarks (bench --quick)..."
  OPENVALUE_DB="$(connection_string "$dir" "$port" "$BENCH_DB")" OPENVALUE_BENCH_OUT="$tmp/bench" \
    dotnet run --project "$ROOT/tests/OpenValue.Benchmarks/OpenValue.Benchmarks.csproj" -c Debug --no-build -- --quick \
    || { say "OpenValue.Benchmarks: bench --quick failed"; return 1; }
}

# The API tests lint the served OpenAPI document with @redocly/cli, pinned in tests/contract/package-lock.json.
install_contract_tools() {
  command -v npm >/dev/null || die "npm not found: the contract tests need Node.js 20.19+ (Debian: apt-get install nodejs npm)."
  say "Installing the contract linter (npm ci in tests/contract)..."
  (cd "$ROOT/tests/contract" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci in tests/contract failed"
}

# verify_lines DIR PORT DATABASE: what verify says of each network (timings left out), for comparing two copies.
verify_lines() {
  (cd "$ROOT/src/OpenValue.Api/bin/Debug/net10.0" && OPENVALUE_DB="$(connection_string "$1" "$2" "$3")" \
    dotnet OpenValue.Api.dll verify 2>/dev/null || true) | grep -E '^[0-9a-f-]{36}: |^  [a-z]+ ' \
    | sed -E 's/ in [0-9.]+ s \([0-9,]+ events\/s\)//'
}

# Counted as one test: the API tests' database (intact networks and the tamper tests' broken ones) dumped and
# restored into a fresh database, where verify must say exactly what it says of the original.
backup_restore_smoke_test() {
  local dir=$1 port=$2 tmp=$3 source=openvalue_api_tests
  say "Backing up and restoring the API tests' database, then verifying both..."
  dump_database "$dir" "$port" "$source" "$tmp/api.dump" && restore_database "$dir" "$port" openvalue_restored "$tmp/api.dump" \
    || { say "backup or restore failed"; return 1; }
  verify_lines "$dir" "$port" "$source" >"$tmp/verify.original"
  verify_lines "$dir" "$port" openvalue_restored >"$tmp/verify.restored"
  grep -q ': intact;' "$tmp/verify.original" && grep -q ': BROKEN;' "$tmp/verify.original" \
    || { say "verify found no intact and broken networks to compare"; return 1; }
  diff -q "$tmp/verify.original" "$tmp/verify.restored" >/dev/null \
    || { diff "$tmp/verify.original" "$tmp/verify.restored" | head -n 20 >&2; say "the restored copy verifies differently"; return 1; }
  say "restored copy verifies as the original: $(grep -c ': intact;' "$tmp/verify.restored") networks intact, $(grep -c ': BROKEN;' "$tmp/verify.restored") broken by the tamper tests"
}

cmd_test() {
  ensure_pg_binaries
  local tmp; tmp="$(mktemp -d)"
  chmod 755 "$tmp"
  local dir="$tmp/pg" port="${OPENVALUE_TEST_PG_PORT:-$((56000 + RANDOM % 4000))}"
  trap "stop_cluster '$dir'; rm -rf '$tmp'" EXIT
  init_cluster "$dir" "$port" fast
  start_cluster "$dir"
  say "Throwaway PostgreSQL on 127.0.0.1:$port (fsync off: test data only)"

  build_web
  ensure_chromium
  dotnet build "$ROOT/OpenValue.sln" -c Debug -v quiet -nologo >&2 || die "build failed"
  install_contract_tools
  local passed=0 failed=0 skipped=0 status=0 project name db out web
  web="$(web_unit_tests "$tmp/vitest.json")"
  passed=$((passed + ${web% *})); failed=$((failed + ${web#* }))
  [ "${web#* }" -eq 0 ] || { status=1; say "OpenValue.Web: Vitest failed"; }
  for project in "$ROOT"/tests/*/*.csproj; do
    name="$(basename "$project" .csproj)"
    [[ "$name" == *.Benchmarks ]] && continue
    db="$(echo "$name" | tr '[:upper:].' '[:lower:]_')"
    create_database "$dir" "$port" "$db"
    out="$tmp/$name.out"
    say "Testing $name (database $db)..."
    OPENVALUE_DB="$(connection_string "$dir" "$port" "$db")" \
      dotnet test "$project" --no-build -c Debug -nologo 2>&1 | tee "$out" || status=1
    local line; line="$(grep -E '(Passed|Failed)!' "$out" | tail -n 1 || true)"
    [ -n "$line" ] || { status=1; failed=$((failed + 1)); say "$name: no test summary (build or host failure)"; continue; }
    passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")))
    failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")))
    skipped=$((skipped + $(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")))
  done
  bench_smoke_test "$dir" "$port" "$tmp" && passed=$((passed + 1)) || { failed=$((failed + 1)); status=1; }
  backup_restore_smoke_test "$dir" "$port" "$tmp" && passed=$((passed + 1)) || { failed=$((failed + 1)); status=1; }
  [ "$failed" -eq 0 ] || status=1
  echo
  echo "Tests: $passed passed, $failed failed, $skipped skipped"
  return $status
}

# The benchmarks use their own database in the local (durable) cluster and empty it between runs; they
# never touch the 'openvalue' database that ./openvalue.sh run serves.
bench_database_url() {
  if [ -n "${OPENVALUE_DB:-}" ]; then echo "$OPENVALUE_DB"; return; fi
  local_db_start
  create_database "$DATA_DIR" "$PG_PORT" "$BENCH_DB"
  connection_string "$DATA_DIR" "$PG_PORT" "$BENCH_DB"
}

cmd_bench() {
  local project="$ROOT/tests/OpenValue.Benchmarks/OpenValue.Benchmarks.csproj"
  [ -f "$project" ] || die "No benchmark project yet."
  local db; db="$(bench_database_url)"
  say "Building the benchmarks (Release)..."
  dotnet build "$project" -c Release -v quiet -nologo >&2 || die "build failed"
  OPENVALUE_DB="$db" OPENVALUE_BENCH_OUT="$ROOT/.data/bench" \
    dotnet run --project "$project" -c Release --no-build -- "$@"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  build) shift; build_web; build_app ;;
  codegen) shift; generate_code ;;
  test) shift; cmd_test "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  bench-start) shift; cmd_bench_start "$@" ;;
  db) shift; cmd_db "$@" ;;
  verify) shift; cmd_verify "$@" ;;
  recover) shift; cmd_recover "$@" ;;
  web-types) shift; cmd_web_types "$@" ;;
  backup) shift; cmd_backup "$@" ;;
  restore) shift; cmd_restore "$@" ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
