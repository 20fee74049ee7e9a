# The `./sonla.sh demo` command. Sourced by sonla.sh, which provides ROOT, PY, DIST, say, info,
# die, cmd_deps and cmd_build. Everything runs on 127.0.0.1, on ports found free at start, with
# all state in one run directory that is removed at the end.

DEMO_SITE_ID=chieng-coi
DEMO_SITE_NAME="Xã Chiềng Cơi"
DEMO_DATABASE=sonla_monitor
DEMO_COMMUNITY=public
DEMO_INTERVAL_SECONDS=10

DEMO_PIDS=()    # process-group leaders (each child runs in its own session), in start order
DEMO_NAMES=()
DEMO_RUN=""
DEMO_CLEANED=""
declare -A DEMO_DEVICE_PORT=()

# Prints N distinct free loopback ports of one protocol (tcp|udp); all are held until all are chosen.
demo_free_ports() {
  "$PY" - "$1" "$2" <<'EOF'
import socket, sys
kind = socket.SOCK_STREAM if sys.argv[1] == "tcp" else socket.SOCK_DGRAM
held = []
for _ in range(int(sys.argv[2])):
    s = socket.socket(socket.AF_INET, kind)
    s.bind(("127.0.0.1", 0))
    held.append(s)
print(" ".join(str(s.getsockname()[1]) for s in held))
EOF
}

demo_alive() {
  [ -r "/proc/$1/stat" ] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null
}

# demo_start NAME LOG DIR COMMAND... — runs COMMAND in DIR in a session of its own (so Ctrl-C
# reaches only this script, which then stops children in order) and records its pid.
demo_start() {
  local name=$1 log=$2 dir=$3
  shift 3
  ( cd "$dir" && exec setsid "$@" >"$log" 2>&1 </dev/null ) &
  DEMO_PIDS+=("$!")
  DEMO_NAMES+=("$name")
  printf '%s %s\n' "$!" "$name" >>"$DEMO_RUN/pids"
}

demo_last_pid() { echo "${DEMO_PIDS[${#DEMO_PIDS[@]}-1]}"; }

# demo_wait_until SECONDS WHAT LOG COMMAND... — polls COMMAND until it succeeds; fails early if
# the process started last has died, showing the end of its log.
demo_wait_until() {
  local seconds=$1 what=$2 log=$3 pid deadline
  shift 3
  pid=$(demo_last_pid)
  deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ! demo_alive "$pid"; then
      tail -n 30 "$log" >&2 || true
      die "$what exited during start-up (log above: $log)."
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 30 "$log" >&2 || true
      die "$what did not become ready within ${seconds}s (log: $log)."
    fi
    sleep 0.3
  done
}

demo_stop_one() {
  local pid=$1 i
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 100; i++)); do
    demo_alive "$pid" || break
    sleep 0.1
  done
  if demo_alive "$pid"; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

demo_cleanup() {
  [ -z "$DEMO_CLEANED" ] || return 0
  DEMO_CLEANED=1
  trap - INT TERM EXIT
  local i
  # Reverse order: the agent first (it can flush), then the collector, the devices, InfluxDB.
  for ((i = ${#DEMO_PIDS[@]} - 1; i >= 0; i--)); do
    demo_stop_one "${DEMO_PIDS[i]}"
  done
  if [ -n "$DEMO_RUN" ] && [ -d "$DEMO_RUN" ]; then
    if [ -n "${DEMO_KEEP:-}" ]; then
      say "demo stopped; logs kept in $DEMO_RUN (DEMO_KEEP is set)"
    else
      rm -rf "$DEMO_RUN"
      say "demo stopped; removed $DEMO_RUN"
    fi
  fi
}

demo_http_up() { # URL: any HTTP answer at all
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1")" != "000" ]
}

demo_influx_query() { # INFLUXQL
  curl -sS -G --max-time 10 "http://127.0.0.1:$DEMO_INFLUX_HTTP/query" \
    --data-urlencode "db=$DEMO_DATABASE" --data-urlencode "q=$1"
}

demo_start_influx() {
  read -r DEMO_INFLUX_HTTP DEMO_INFLUX_RPC < <(demo_free_ports tcp 2)
  local dir="$DEMO_RUN/influxdb"
  mkdir -p "$dir"
  cat >"$dir/influxdb.conf" <<EOF
reporting-disabled = true
bind-address = "127.0.0.1:$DEMO_INFLUX_RPC"

[meta]
  dir = "$dir/meta"

[data]
  dir = "$dir/data"
  wal-dir = "$dir/wal"
  query-log-enabled = false

[http]
  enabled = true
  bind-address = "127.0.0.1:$DEMO_INFLUX_HTTP"
  log-enabled = false

[monitor]
  store-enabled = false

[continuous_queries]
  enabled = false
EOF
  demo_start influxd "$dir/influxd.log" "$dir" influxd -config "$dir/influxdb.conf"
  demo_wait_until 60 "InfluxDB" "$dir/influxd.log" curl -fsS --max-time 2 "http://127.0.0.1:$DEMO_INFLUX_HTTP/ping"
  curl -fsS -X POST --max-time 10 "http://127.0.0.1:$DEMO_INFLUX_HTTP/query" \
    --data-urlencode "q=CREATE DATABASE $DEMO_DATABASE" >/dev/null \
    || die "could not create database $DEMO_DATABASE"
}

# demo_start_device NAME PROFILE DESCRIPTION — a real snmpd whose IF-MIB tables come from
# demo/sim_device.py; the system group (sysUpTime, sysName, ...) is snmpd's own.
demo_start_device() {
  local name=$1 profile=$2 description=$3 port dir script="$ROOT/demo/sim_device.py"
  port=$(demo_free_ports udp 1)
  dir="$DEMO_RUN/device-$name"
  mkdir -p "$dir/persist"
  cat >"$dir/snmpd.conf" <<EOF
agentAddress udp:127.0.0.1:$port
rocommunity $DEMO_COMMUNITY 127.0.0.1
sysName $DEMO_SITE_ID-$name
sysLocation $DEMO_SITE_NAME, tỉnh Sơn La
sysContact noc@sonla.example
sysDescr $description
sysServices 72
dontLogTCPWrappersConnects yes
pass_persist .1.3.6.1.2.1.2 $PY $script $profile .1.3.6.1.2.1.2
pass_persist .1.3.6.1.2.1.31.1.1 $PY $script $profile .1.3.6.1.2.1.31.1.1
EOF
  # -I -...: snmpd's own interface tables (this host's NICs) would shadow the simulated ones.
  demo_start "snmpd $name" "$dir/snmpd.out" "$dir" \
    snmpd -f -C -c "$dir/snmpd.conf" -Lf "$dir/snmpd.log" "--persistentDir=$dir/persist" \
    -M /dev/null -I -ifTable,ifXTable,interfaces,smux
  demo_wait_until 30 "snmpd ($name)" "$dir/snmpd.log" \
    snmpget -v2c -c "$DEMO_COMMUNITY" -t 0.5 -r 0 -On -M /dev/null "127.0.0.1:$port" .1.3.6.1.2.1.2.1.0
  DEMO_DEVICE_PORT[$name]=$port
}

demo_start_collector() {
  read -r DEMO_GRPC_PORT DEMO_HTTP_PORT < <(demo_free_ports tcp 2)
  DEMO_TOKEN=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(24))')
  DEMO_ADMIN_PASSWORD=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(12))')
  local log="$DEMO_RUN/collector.log"
  # Settings as environment variables (the __ form of the configuration keys), so nothing is
  # written into dist/. gRPC gets an HTTP/2-only endpoint: cleartext HTTP/2 (h2c) needs one.
  cat >"$DEMO_RUN/collector.env" <<EOF
Influx__Url=http://127.0.0.1:$DEMO_INFLUX_HTTP
Influx__Version=1
Influx__Database=$DEMO_DATABASE
State__Path=$DEMO_RUN/collector-state.db
Auth__InitialAdminPassword=$DEMO_ADMIN_PASSWORD
Agents__0__SiteId=$DEMO_SITE_ID
Agents__0__Token=$DEMO_TOKEN
Sites__0__Id=$DEMO_SITE_ID
Sites__0__Name=$DEMO_SITE_NAME
Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$DEMO_GRPC_PORT
Kestrel__Endpoints__Grpc__Protocols=Http2
Kestrel__Endpoints__Http__Url=http://127.0.0.1:$DEMO_HTTP_PORT
Kestrel__Endpoints__Http__Protocols=Http1
EOF
  local settings=()
  mapfile -t settings <"$DEMO_RUN/collector.env"
  demo_start sonla-collector "$log" "$DIST/collector" env "${settings[@]}" "$DIST/collector/sonla-collector"
  demo_wait_until 60 "sonla-collector" "$log" demo_http_up "http://127.0.0.1:$DEMO_HTTP_PORT/healthz"
}

demo_start_agent() {
  local config="$DEMO_RUN/demo-agent.json" log="$DEMO_RUN/agent.log"
  "$PY" - "$config" <<EOF
import json, sys
config = {
    "Site": {"Id": "$DEMO_SITE_ID", "Name": "$DEMO_SITE_NAME"},
    "Collector": {"Url": "http://127.0.0.1:$DEMO_GRPC_PORT", "Token": "$DEMO_TOKEN"},
    "Outbox": {"Directory": "$DEMO_RUN/outbox", "MaxMegabytes": 64},
    "Devices": [
        {"Name": "router", "Host": "127.0.0.1:${DEMO_DEVICE_PORT[router]}", "Version": "2c",
         "Community": "$DEMO_COMMUNITY", "IntervalSeconds": $DEMO_INTERVAL_SECONDS, "Role": "uplink"},
        {"Name": "firewall", "Host": "127.0.0.1:${DEMO_DEVICE_PORT[firewall]}", "Version": "2c",
         "Community": "$DEMO_COMMUNITY", "IntervalSeconds": $DEMO_INTERVAL_SECONDS},
    ],
    # The demo stays on loopback: its self-check pings 127.0.0.1, not this machine's real gateway.
    "SelfCheck": {"Gateway": "127.0.0.1"},
}
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(config, f, ensure_ascii=False, indent=2)
EOF
  chmod 600 "$config" "$DEMO_RUN/collector.env"
  demo_start sonla-agent "$log" "$DEMO_RUN" "$DIST/agent/sonla-agent" run --config "$config"
  sleep 2
  demo_alive "$(demo_last_pid)" || { tail -n 30 "$log" >&2; die "sonla-agent exited at start (log: $log)."; }
}

demo_print_summary() {
  local router=${DEMO_DEVICE_PORT[router]} firewall=${DEMO_DEVICE_PORT[firewall]} i
  local query="SELECT last(in_bps), last(out_bps), last(oper_status) FROM interface WHERE site='$DEMO_SITE_ID' GROUP BY device, if_name"
  say ""
  say "SonLa.Monitor demo: site $DEMO_SITE_ID ($DEMO_SITE_NAME), all on 127.0.0.1"
  say "  run dir (configs, logs, outbox): $DEMO_RUN"
  for i in "${!DEMO_PIDS[@]}"; do
    printf '  pid %-7s %s\n' "${DEMO_PIDS[i]}" "${DEMO_NAMES[i]}"
  done
  say ""
  say "  InfluxDB 1.x      http://127.0.0.1:$DEMO_INFLUX_HTTP  database $DEMO_DATABASE   log: $DEMO_RUN/influxdb/influxd.log"
  say "  router (snmpd)    udp 127.0.0.1:$router  community $DEMO_COMMUNITY  3 interfaces (wan0, lan0, lte0 admin-up/oper-down)"
  say "  firewall (snmpd)  udp 127.0.0.1:$firewall  community $DEMO_COMMUNITY  2 interfaces"
  say "  sonla-collector   gRPC (h2c) http://127.0.0.1:$DEMO_GRPC_PORT   HTTP http://127.0.0.1:$DEMO_HTTP_PORT   log: $DEMO_RUN/collector.log"
  say "                    settings: $DEMO_RUN/collector.env"
  say "  sonla-agent       polls both devices every ${DEMO_INTERVAL_SECONDS}s   config: $DEMO_RUN/demo-agent.json   log: $DEMO_RUN/agent.log"
  say ""
  say "Look at the data:"
  say "  curl -sG http://127.0.0.1:$DEMO_INFLUX_HTTP/query --data-urlencode db=$DEMO_DATABASE \\"
  say "       --data-urlencode \"q=$query\""
  say "  curl -s http://127.0.0.1:$DEMO_HTTP_PORT/healthz"
  say "  curl -s http://127.0.0.1:$DEMO_HTTP_PORT/metrics"
  say "  dist/agent/sonla-agent walk -v 2c -c $DEMO_COMMUNITY 127.0.0.1:$router .1.3.6.1.2.1.31.1.1.1.18"
  say "  snmpbulkwalk -v2c -c $DEMO_COMMUNITY -On -M /dev/null 127.0.0.1:$router .1.3.6.1.2.1.2.2"
  say ""
  say "Dashboard: none yet (the web UI is a later issue). The JSON API works; login: admin / $DEMO_ADMIN_PASSWORD"
  say "  curl -s -c $DEMO_RUN/cookies -H 'Content-Type: application/json' \\"
  say "       -d '{\"user\":\"admin\",\"password\":\"$DEMO_ADMIN_PASSWORD\"}' http://127.0.0.1:$DEMO_HTTP_PORT/api/login"
  say "  curl -s -b $DEMO_RUN/cookies 'http://127.0.0.1:$DEMO_HTTP_PORT/api/alerts?state=all'"
  say ""
}

# Prints what reached InfluxDB; succeeds when interface points of the demo site are there.
demo_check() {
  local answer
  answer=$(demo_influx_query "SELECT count(in_octets) AS points, last(in_bps) AS in_bps, last(out_bps) AS out_bps, last(oper_status) AS oper_status FROM interface WHERE site='$DEMO_SITE_ID' GROUP BY device, if_name; SHOW MEASUREMENTS") \
    || { say "check: InfluxDB did not answer"; return 1; }
  "$PY" - "$answer" <<'EOF'
import json, sys
answer = json.loads(sys.argv[1])
results = answer.get("results", [])
series = results[0].get("series", []) if results else []
measurements = [v[0] for r in results[1:] for s in r.get("series", []) for v in s.get("values", [])]
if not series:
    err = [r["error"] for r in answer.get("results", []) if "error" in r]
    print("check: no interface points in InfluxDB" + (f" ({err[0]})" if err else ""))
    sys.exit(1)
print(f"{'device':<10} {'if_name':<8} {'points':>6} {'in_bps':>14} {'out_bps':>14} {'oper':>4}")
total = 0
for s in series:
    tags = s.get("tags", {})
    row = dict(zip(s["columns"], s["values"][0]))
    total += row.get("points") or 0
    fmt = lambda v: "-" if v is None else f"{v:,.0f}" if isinstance(v, (int, float)) else str(v)
    print(f"{tags.get('device', '?'):<10} {tags.get('if_name', '?'):<8} {fmt(row.get('points')):>6} "
          f"{fmt(row.get('in_bps')):>14} {fmt(row.get('out_bps')):>14} {fmt(row.get('oper_status')):>4}")
print(f"measurements: {', '.join(measurements) or '-'}")
print(f"check: {total} interface points from {len(series)} interfaces reached InfluxDB")
sys.exit(0 if total > 0 else 1)
EOF
}

# Sleeps N seconds (or forever when N is empty), warning once if a child dies.
demo_watch() {
  local seconds=$1 end i
  local -A reported=()
  end=$((SECONDS + ${seconds:-0}))
  while [ -z "$seconds" ] || [ "$SECONDS" -lt "$end" ]; do
    for i in "${!DEMO_PIDS[@]}"; do
      if [ -z "${reported[$i]:-}" ] && ! demo_alive "${DEMO_PIDS[i]}"; then
        say "warning: ${DEMO_NAMES[i]} (pid ${DEMO_PIDS[i]}) has stopped; see its log in $DEMO_RUN"
        reported[$i]=1
      fi
    done
    sleep 1
  done
}

demo_main() {
  local check_seconds=${DEMO_SECONDS:-}
  while [ $# -gt 0 ]; do
    case "$1" in
      --check)
        check_seconds=60
        if [[ ${2:-} =~ ^[0-9]+$ ]]; then check_seconds=$2; shift; fi
        ;;
      *) die "demo: unknown option $1 (use --check [SECONDS] or DEMO_SECONDS=N)" ;;
    esac
    shift
  done
  [ -z "$check_seconds" ] || [[ $check_seconds =~ ^[0-9]+$ ]] || die "DEMO_SECONDS must be a number of seconds"

  cmd_deps
  cmd_build

  mkdir -p "$ROOT/.run"
  DEMO_RUN=$(mktemp -d "$ROOT/.run/demo.XXXXXX")
  trap demo_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  info "starting InfluxDB, two simulated devices, the collector and the agent"
  demo_start_influx
  demo_start_device router router "Router VNPT (simulated by SonLa.Monitor demo)"
  demo_start_device firewall firewall "Firewall (simulated by SonLa.Monitor demo)"
  demo_start_collector
  demo_start_agent
  demo_print_summary

  if [ -n "$check_seconds" ]; then
    info "running for ${check_seconds}s, then checking that interface data reached InfluxDB"
    demo_watch "$check_seconds"
    if ! demo_check; then
      local log
      for log in "$DEMO_RUN/agent.log" "$DEMO_RUN/collector.log"; do
        say "--- last lines of $log"
        tail -n 20 "$log" || true
      done
      say "(set DEMO_KEEP=1 to keep the run directory and all logs)"
      return 1
    fi
    return 0
  fi
  say "Press Ctrl-C to stop everything the demo started."
  demo_watch ""
}
