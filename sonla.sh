#!/usr/bin/env bash
# SonLa.Monitor build plumbing: deps, build, test, bench, demo. Run `./sonla.sh help`.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
ROOT=$PWD

# Debian's python3 on purpose: snmpd's pass_persist and our helpers must not depend on a user's pyenv.
PY=/usr/bin/python3
SYSTEM_PACKAGES=(snmpd snmp snmptrapd influxdb python3 python3-aiosmtpd curl chromium)
# Package → the systemd units its postinst enables on a well-known port (udp 161, udp 162, tcp 8086);
# snmptrapd is socket-activated too.
declare -A PACKAGE_UNITS=([snmpd]="snmpd" [snmptrapd]="snmptrapd snmptrapd.socket" [influxdb]="influxdb")

DIST="$ROOT/dist"
TEST_RESULTS="$ROOT/artifacts/test-results"
# One configuration for `test`, so its single build is what the tests run.
TEST_CONFIGURATION=Debug

say()  { printf '%s\n' "$*"; }
info() { printf '==> %s\n' "$*"; }
die()  { printf 'sonla.sh: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<'EOF'
Usage: ./sonla.sh COMMAND

  demo     install missing system packages, build, and run a demo province on loopback: 12 Sơn La
           communes (router, switch and UPS each on real net-snmp snmpd; one agent per site),
           InfluxDB and the collector with its web dashboard; one site down, one degraded.
           Prints the dashboard URL and the admin login. Runs until Ctrl-C, then stops everything.
           DEMO_SECONDS=N ./sonla.sh demo   (or: ./sonla.sh demo --check [N]) runs N seconds
           (default 60), checks /api/sites, the dashboard and InfluxDB, and exits 0 if all hold.
  test     install missing system packages, build the solution once and run every test project
           (real snmpd/influxd started by the tests). Ends with "N passed, N failed[, N skipped]".
  build    publish dist/agent/sonla-agent and dist/collector/sonla-collector (Release).
  bench    run the benchmarks (Release): bench/SonLa.Monitor.Benchmarks -- [MODE] (default all), MODE one of
           codec walk traps wire outbox drain alerts selfcheck sites
  fuzz     [SECONDS] fuzz the SNMP decoders with afl++ and SharpFuzz (default 300 s): installs afl++ if
           missing, instruments SonLa.Monitor.Snmp.dll, runs afl-fuzz from fuzz/corpus, copies any
           crashes to fuzz/crashers/ and prints execs, paths and crashes. Run dir: artifacts/fuzz/.
  deps     install missing Debian packages (as root) and check the .NET 10 SDK; the others call it.
  help     this text.

Prerequisites: Debian 12, the .NET 10 SDK (`dotnet`), root (for apt-get) unless the packages
snmpd snmp snmptrapd influxdb python3 python3-aiosmtpd curl are already installed.
EOF
}

# ---------------------------------------------------------------------------------------------
# deps
# ---------------------------------------------------------------------------------------------

need_dotnet() {
  command -v dotnet >/dev/null 2>&1 \
    || die "the .NET 10 SDK is required and 'dotnet' is not on PATH. Install it (https://learn.microsoft.com/dotnet/core/install/linux-debian) and run again."
  dotnet --list-sdks 2>/dev/null | grep -q '^10\.' \
    || die "the .NET 10 SDK is required; 'dotnet --list-sdks' shows: $(dotnet --list-sdks 2>/dev/null | tr '\n' ' ')"
}

package_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

# The packages' own services listen on the well-known ports; tests and the demo start private
# instances on free ports. During the install a policy-rc.d (the Debian mechanism invoke-rc.d and
# deb-systemd-invoke consult) keeps them from starting; on systemd the units the postinst enabled
# are disabled too, so they do not start at the next boot either. Never stop them by name: the
# init scripts' "stop" kills every snmpd on the machine, test instances included.
apt_install() {
  local policy=/usr/sbin/policy-rc.d created="" rc=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\n# written by sonla.sh for the duration of one apt-get install\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    created=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" >/dev/null; } || rc=$?
  [ -z "$created" ] || rm -f "$policy"
  return "$rc"
}

disable_package_units() {
  [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1 || return 0
  local package unit units
  for package in "$@"; do
    read -r -a units <<<"${PACKAGE_UNITS[$package]:-}"
    for unit in "${units[@]}"; do
      if systemctl is-active --quiet "$unit" || systemctl is-enabled --quiet "$unit" 2>/dev/null; then
        info "disabling the package's own $unit (the demo and tests start their own instances)"
        systemctl disable --now "$unit" >/dev/null 2>&1 || say "warning: could not disable $unit"
      fi
    done
  done
}

cmd_deps() {
  local missing=() package
  if command -v dpkg-query >/dev/null 2>&1; then
    for package in "${SYSTEM_PACKAGES[@]}"; do
      package_installed "$package" || missing+=("$package")
    done
  else
    for package in snmpd snmpget snmpbulkwalk snmptrapd influxd curl; do
      command -v "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ -x "$PY" ] || missing+=("$PY")
    [ ${#missing[@]} -eq 0 ] || die "not a Debian system and missing: ${missing[*]}; install net-snmp, InfluxDB 1.x, python3 and curl by hand."
  fi

  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] \
      || die "missing Debian packages: ${missing[*]}. Run as root, or: sudo apt-get install ${missing[*]}"
    info "installing missing Debian packages: ${missing[*]}"
    apt_install "${missing[@]}" || die "apt-get could not install: ${missing[*]}"
    disable_package_units "${missing[@]}"
  fi
  [ -x "$PY" ] || die "$PY is missing (Debian package python3)."
  need_dotnet
}

# ---------------------------------------------------------------------------------------------
# build
# ---------------------------------------------------------------------------------------------

publish() { # project output-dir exe-name
  local project=$1 out=$2 exe=$3
  rm -rf "$out"
  dotnet publish "$project" -c Release -o "$out" --nologo -v quiet -clp:ErrorsOnly \
    || die "dotnet publish $project failed (see the errors above)."
  [ -x "$out/$exe" ] || die "dotnet publish $project did not produce $out/$exe."
}

cmd_build() {
  need_dotnet
  info "publishing sonla-agent and sonla-collector (Release)"
  publish agent/SonLa.Monitor.Agent/SonLa.Monitor.Agent.csproj "$DIST/agent" sonla-agent
  publish collector/SonLa.Monitor.Collector/SonLa.Monitor.Collector.csproj "$DIST/collector" sonla-collector
  say "built: dist/agent/sonla-agent, dist/collector/sonla-collector"
}

# ---------------------------------------------------------------------------------------------
# test
# ---------------------------------------------------------------------------------------------

# Sums the <Counters> of every .trx file; prints "passed failed skipped total".
trx_totals() {
  "$PY" - "$1" <<'EOF'
import glob, os, sys
import xml.etree.ElementTree as ET
passed = failed = skipped = total = 0
for path in glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        failed += 1  # a truncated results file means a crashed test host: never count it as green
        continue
    counters = root.find(".//{*}ResultSummary/{*}Counters")
    if counters is None:
        continue
    n = lambda key: int(counters.get(key, "0"))
    passed += n("passed")
    failed += n("failed") + n("error") + n("timeout") + n("aborted")
    skipped += n("notExecuted")
    total += n("total")
print(passed, failed, skipped, total)
EOF
}

cmd_test() {
  cmd_deps
  rm -rf "$TEST_RESULTS"
  mkdir -p "$TEST_RESULTS"
  local build_log="$TEST_RESULTS/build.log" test_log="$TEST_RESULTS/test.log"

  info "building SonLa.Monitor.sln ($TEST_CONFIGURATION); log: $build_log"
  if ! dotnet build SonLa.Monitor.sln -c "$TEST_CONFIGURATION" --nologo -v quiet -clp:ErrorsOnly >"$build_log" 2>&1; then
    cat "$build_log" >&2
    say "0 passed, 1 failed"
    die "the build failed; nothing was tested. Log: $build_log"
  fi

  info "running the tests; log: $test_log"
  local rc=0
  # A hung test fails (with a dump) instead of stalling CI; the outer timeout is the last resort.
  # Tests that save artifacts (browser screenshots) put them here.
  SONLA_ARTIFACTS="$TEST_RESULTS/artifacts" timeout --kill-after=30s "${SONLA_TEST_TIMEOUT:-540}" \
    dotnet test SonLa.Monitor.sln -c "$TEST_CONFIGURATION" --no-build --nologo \
      --logger "trx;LogFilePrefix=sonla" --logger "console;verbosity=minimal" \
      --results-directory "$TEST_RESULTS" --blame-hang-timeout 3m \
      2>&1 | tee "$test_log" || rc=${PIPESTATUS[0]}

  local passed failed skipped total
  read -r passed failed skipped total < <(trx_totals "$TEST_RESULTS")
  say ""
  say "Logs: $build_log, $test_log; results (.trx): $TEST_RESULTS"
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    say "dotnet test exited with code $rc (a test host crashed, hung or timed out): counted as a failure."
    failed=1
  fi
  if [ "$skipped" -gt 0 ]; then
    say "$passed passed, $failed failed, $skipped skipped"
  else
    say "$passed passed, $failed failed"
  fi
  [ "$total" -gt 0 ] || die "no tests ran."
  [ "$failed" -eq 0 ] || exit 1
}

# ---------------------------------------------------------------------------------------------
# bench
# ---------------------------------------------------------------------------------------------

cmd_bench() {
  cmd_deps
  [ $# -gt 0 ] || set -- all
  dotnet run -c Release --project bench/SonLa.Monitor.Benchmarks -- "$@"
}

# ---------------------------------------------------------------------------------------------
# fuzz
# ---------------------------------------------------------------------------------------------

FUZZ_PROJECT=fuzz/SonLa.Monitor.Snmp.Fuzz/SonLa.Monitor.Snmp.Fuzz.csproj

# One value of afl's fuzzer_stats ("key : value"), or "?".
fuzz_stat() {
  local value
  value=$(sed -n "s/^$2 *: *//p" "$1" 2>/dev/null | head -n 1)
  printf '%s' "${value:-?}"
}

cmd_fuzz() {
  local seconds=${1:-300}
  [[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || die "fuzz: SECONDS must be a positive number, not '$seconds'."
  need_dotnet
  if ! command -v afl-fuzz >/dev/null 2>&1; then
    [ "$(id -u)" -eq 0 ] || die "afl-fuzz is missing. Run as root, or: sudo apt-get install afl++"
    info "installing afl++"
    apt_install afl++ || die "apt-get could not install afl++"
  fi

  info "restoring the sharpfuzz tool (.config/dotnet-tools.json)"
  dotnet tool restore >/dev/null || die "dotnet tool restore failed (SharpFuzz.CommandLine)."

  local out="$ROOT/artifacts/fuzz" bin run
  bin="$out/bin"
  run="$out/run-$(date -u +%Y%m%dT%H%M%SZ)"
  # A fresh output each time: sharpfuzz refuses an already instrumented assembly.
  rm -rf "$bin"
  mkdir -p "$out"
  info "building the harness (Release)"
  dotnet build "$FUZZ_PROJECT" -c Release -o "$bin" --nologo -v quiet -clp:ErrorsOnly \
    || die "dotnet build $FUZZ_PROJECT failed (see the errors above)."
  info "instrumenting SonLa.Monitor.Snmp.dll"
  dotnet sharpfuzz "$bin/SonLa.Monitor.Snmp.dll" >/dev/null || die "sharpfuzz could not instrument SonLa.Monitor.Snmp.dll."

  info "fuzzing for ${seconds}s; afl output: $run"
  local rc=0
  # No core_pattern or CPU governor tuning in containers; the harness is a .NET host, not an
  # afl-instrumented binary (SharpFuzz speaks the fork-server protocol itself).
  AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 \
    afl-fuzz -i fuzz/corpus -o "$run" -x fuzz/snmp.dict -t 5000 -m none -V "$seconds" -- dotnet "$bin/SonLa.Monitor.Snmp.Fuzz.dll" \
    >"$run.log" 2>&1 || rc=$?

  local stats="$run/default/fuzzer_stats"
  [ -f "$stats" ] || { tail -n 30 "$run.log" >&2; die "afl-fuzz did not start (exit $rc); log: $run.log"; }

  local found=0 kind file name
  mkdir -p fuzz/crashers
  for kind in crashes hangs; do
    for file in "$run/default/$kind"/id:*; do
      [ -f "$file" ] || continue
      name="${kind%es}"; name="${name%s}-$(sha1sum "$file" | cut -c1-12).bin"
      cp "$file" "fuzz/crashers/$name"
      found=$((found + 1))
    done
  done

  say ""
  say "fuzz: $(fuzz_stat "$stats" run_time)s, $(fuzz_stat "$stats" execs_done) execs ($(fuzz_stat "$stats" execs_per_sec)/s), paths $(fuzz_stat "$stats" corpus_count), crashes $(fuzz_stat "$stats" saved_crashes), hangs $(fuzz_stat "$stats" saved_hangs)"
  say "afl output: $run (log $run.log)"
  if [ "$found" -gt 0 ]; then
    say "$found input(s) copied to fuzz/crashers/; replayed:"
    dotnet "$bin/SonLa.Monitor.Snmp.Fuzz.dll" --replay fuzz/crashers/*.bin || true
    exit 1
  fi
}

# ---------------------------------------------------------------------------------------------
# demo (in its own file: it is the longest)
# ---------------------------------------------------------------------------------------------

cmd_demo() {
  # shellcheck source=demo/demo.sh
  source "$ROOT/demo/demo.sh"
  demo_main "$@"
}

main() {
  local command=${1:-help}
  [ $# -gt 0 ] && shift
  case "$command" in
    deps)  cmd_deps ;;
    build) cmd_build ;;
    test)  cmd_test ;;
    bench) cmd_bench "$@" ;;
    fuzz)  cmd_fuzz "$@" ;;
    demo)  cmd_demo "$@" ;;
    help|-h|--help) usage ;;
    *) usage >&2; die "unknown command: $command" ;;
  esac
}

main "$@"
