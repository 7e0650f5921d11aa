#!/usr/bin/env bash
# Agents build script: ./build.sh <verb> [arguments]
#
#   test   restore (locked when CI=true), build Release, run every test project and end with
#          one line "N passed, N failed[, N skipped]"
#   build  restore and build Release
#   bench  [SUITE...] [--quick]   run the benchmarks (suites: hocon, actors, persistence, ...);
#          results land in artifacts/bench/SUITE.jsonl
#   run    [-- SWITCHES]  start a node with its embedded PostgreSQL and the demo agents (hocon/demo.conf,
#          unless a --config switch or AGENTS_CONFIG names another file)
#   check  only check the prerequisites
#
# build.ps1 offers the same verbs by calling the same dotnet commands.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

configuration=Release
artifacts="$root/artifacts"

fail() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# The same search order as the PostgreSQL launcher (src/Agents.EmbeddedPostgres/PostgresBinaries.cs):
# AGENTS_PG_BIN, then PATH, then Debian's versioned directories, newest first.
find_pg_bin() {
  if [[ -n "${AGENTS_PG_BIN:-}" && -x "${AGENTS_PG_BIN}/initdb" && -x "${AGENTS_PG_BIN}/postgres" ]]; then
    echo "${AGENTS_PG_BIN}"; return 0
  fi
  local initdb
  if initdb="$(command -v initdb 2>/dev/null)" && [[ -x "$(dirname "$initdb")/postgres" ]]; then
    dirname "$initdb"; return 0
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -rn); do
    if [[ -x "$dir/initdb" && -x "$dir/postgres" ]]; then echo "$dir"; return 0; fi
  done
  return 1
}

check_dotnet() {
  command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK is missing: 'dotnet' is not on PATH.
  Install it (https://learn.microsoft.com/dotnet/core/install/linux-debian), e.g.:
    apt-get install -y dotnet-sdk-10.0     (with Microsoft's package feed configured)"
  dotnet --list-sdks 2>/dev/null | grep -q '^10\.' || fail "the .NET 10 SDK is missing: 'dotnet --list-sdks' shows only:
$(dotnet --list-sdks 2>/dev/null | sed 's/^/    /')
  Install the .NET 10 SDK, e.g.: apt-get install -y dotnet-sdk-10.0"
}

check_postgres() {
  if find_pg_bin >/dev/null; then return 0; fi
  local message="the PostgreSQL server binaries (initdb, postgres) are missing: not in AGENTS_PG_BIN, not on PATH, not under /usr/lib/postgresql/*/bin.
  Install them with:  apt-get update && apt-get install -y postgresql
  or point AGENTS_PG_BIN at the directory that holds initdb and postgres."
  # On CI (or when asked) a root user with apt gets them installed rather than a failed run.
  if [[ "${CI:-}" == "true" || "${AGENTS_INSTALL_PREREQUISITES:-}" == "1" ]] \
     && [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
    echo "build.sh: PostgreSQL server binaries not found; installing Debian's postgresql package" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
      || fail "$message"
    find_pg_bin >/dev/null || fail "$message"
    return 0
  fi
  fail "$message"
}

restore() {
  local locked=()
  [[ "${CI:-}" == "true" ]] && locked=(--locked-mode)
  dotnet restore Agents.sln "${locked[@]}" --verbosity quiet
}

build() {
  restore
  dotnet build Agents.sln --configuration "$configuration" --no-restore --nologo --verbosity quiet \
    -clp:ErrorsOnly
}

# Reads the TRX files dotnet test wrote and prints the closing summary line.
summarize() {
  local results="$1" dotnet_status="$2"
  local passed=0 failed=0 skipped=0 files=0 counters
  shopt -s nullglob
  for trx in "$results"/*.trx; do
    files=$((files + 1))
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    local p f e t s
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); p=${p:-0}
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=${f:-0}
    e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); e=${e:-0}
    t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters"); t=${t:-0}
    s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); s=${s:-0}
    # The TRX logger counts a skipped test in total but in neither executed nor notExecuted.
    local total executed
    total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); total=${total:-0}
    executed=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters"); executed=${executed:-0}
    (( total - executed > s )) && s=$((total - executed))
    passed=$((passed + p)); failed=$((failed + f + e + t)); skipped=$((skipped + s))
  done
  shopt -u nullglob
  # A crashed test host can leave no result file; never report that as green.
  if [[ "$dotnet_status" != "0" && "$failed" == "0" ]]; then failed=1; fi
  local line="$passed passed, $failed failed"
  [[ "$skipped" != "0" ]] && line="$line, $skipped skipped"
  echo
  echo "$line"
  [[ "$failed" == "0" && "$files" -gt 0 ]]
}

run_tests() {
  build
  local results="$artifacts/test-results"
  rm -rf "$results"; mkdir -p "$results"
  local status=0
  # A test that hangs aborts its project's run after 5 minutes without output (and is named in the log) instead of
  # holding up the whole run.
  dotnet test Agents.sln --configuration "$configuration" --no-build --nologo \
    --results-directory "$results" --logger "trx" --logger "console;verbosity=minimal" \
    --blame-hang-timeout 5m --blame-hang-dump-type none \
    "$@" || status=$?
  summarize "$results" "$status"
}

run_bench() {
  dotnet run --project tests/Agents.Benchmarks --configuration "$configuration" -- \
    --output "$artifacts/bench" "$@"
}

run_node() {
  [[ -f src/Agents.Node/Agents.Node.csproj ]] || fail "src/Agents.Node/Agents.Node.csproj is missing: this clone is incomplete."
  [[ "${1:-}" == "--" ]] && shift
  # The demo, unless the user names a configuration file (--config FILE, --config=FILE or AGENTS_CONFIG).
  local config=(--config hocon/demo.conf) arg
  [[ -n "${AGENTS_CONFIG:-}" ]] && config=()
  for arg in "$@"; do
    [[ "$arg" == "--config" || "$arg" == --config=* ]] && config=()
  done
  dotnet run --project src/Agents.Node --configuration "$configuration" -- ${config[@]+"${config[@]}"} "$@"
}

verb="${1:-}"
[[ $# -gt 0 ]] && shift
case "$verb" in
  test)  check_dotnet; check_postgres; run_tests "$@" ;;
  build) check_dotnet; build ;;
  bench) check_dotnet; check_postgres; build; run_bench "$@" ;;
  run)   check_dotnet; check_postgres; run_node "$@" ;;
  check) check_dotnet; check_postgres; echo "dotnet $(dotnet --version); PostgreSQL binaries in $(find_pg_bin)" ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; [[ -z "$verb" || "$verb" == "help" || "$verb" == "--help" ]] || exit 2 ;;
esac
