# The `./sonla.sh demo` command. Sourced by sonla.sh, which provides ROOT, PY, DIST, say, info,
# die, cmd_deps and cmd_build. Everything runs on 127.0.0.1, on ports found free at start, with
# all state in one run directory that is removed at the end.
#
# A small province: the sites below, each with a router (role uplink), an access switch and a UPS
# (real net-snmp snmpd instances fed by demo/sim_device.py), one sonla-agent per site, one
# sonla-collector and one InfluxDB. One site is down (its agent connects, sends its first poll and
# is stopped), one is degraded (its router's fibre port is admin up but oper down; the 4G backup
# carries the traffic); every other site is ok.

DEMO_DATABASE=sonla_monitor
DEMO_COMMUNITY=public
DEMO_INTERVAL_SECONDS=10
DEMO_DEVICES=(router switch ups)

# id|name|district|scenario (ok, down, degraded). Communes of Sơn La province, grouped by district.
DEMO_SITES_TABLE='chieng-coi|Xã Chiềng Cơi|Thành phố Sơn La|ok
chieng-le|Phường Chiềng Lề|Thành phố Sơn La|ok
hua-la|Xã Hua La|Thành phố Sơn La|ok
tan-lap|Xã Tân Lập|Mộc Châu|ok
chieng-son|Xã Chiềng Sơn|Mộc Châu|ok
hat-lot|Thị trấn Hát Lót|Mai Sơn|ok
co-noi|Xã Cò Nòi|Mai Sơn|ok
chieng-mung|Xã Chiềng Mung|Mai Sơn|ok
phong-lai|Xã Phổng Lái|Thuận Châu|ok
chieng-pac|Xã Chiềng Pấc|Thuận Châu|degraded
sop-cop|Xã Sốp Cộp|Sốp Cộp|ok
muong-va|Xã Mường Và|Sốp Cộp|down'

DEMO_SITE_IDS=()
declare -A DEMO_SITE_NAME=() DEMO_SITE_DISTRICT=() DEMO_SITE_SCENARIO=() DEMO_SITE_TOKEN=() DEMO_AGENT_PID=()
declare -A DEMO_DEVICE_PORT=() DEMO_DEVICE_PID=()   # "site/device" → UDP port, snmpd pid

DEMO_PIDS=()    # process-group leaders (each child runs in its own session), in start order
DEMO_NAMES=()
declare -A DEMO_STOPPED=()   # pids the demo stopped on purpose (the down site's agent)
DEMO_RUN=""
DEMO_CLEANED=""

demo_load_sites() {
  local id name district scenario
  while IFS='|' read -r id name district scenario; do
    DEMO_SITE_IDS+=("$id")
    DEMO_SITE_NAME[$id]=$name
    DEMO_SITE_DISTRICT[$id]=$district
    DEMO_SITE_SCENARIO[$id]=$scenario
  done <<<"$DEMO_SITES_TABLE"
}

demo_sites_with() { # SCENARIO → the ids of the sites in that scenario, space-separated
  local id out=()
  for id in "${DEMO_SITE_IDS[@]}"; do
    [ "${DEMO_SITE_SCENARIO[$id]}" != "$1" ] || out+=("$id")
  done
  echo "${out[*]}"
}

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

# demo_wait_for PID SECONDS WHAT LOG COMMAND... — polls COMMAND until it succeeds; fails early if
# process PID has died, showing the end of its log.
demo_wait_for() {
  local pid=$1 seconds=$2 what=$3 log=$4 deadline
  shift 4
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

# demo_wait_until SECONDS WHAT LOG COMMAND... — as demo_wait_for, for the process started last.
demo_wait_until() {
  local pid
  pid=$(demo_last_pid)
  demo_wait_for "$pid" "$@"
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
  local i pids=()
  # Agents first, all at once (they can flush), then the rest in reverse start order: the
  # collector, the devices, InfluxDB.
  for ((i = ${#DEMO_PIDS[@]} - 1; i >= 0; i--)); do
    if [[ ${DEMO_NAMES[i]} == "sonla-agent "* ]] && demo_alive "${DEMO_PIDS[i]}"; then
      kill -TERM -- "-${DEMO_PIDS[i]}" 2>/dev/null || true
      pids+=("${DEMO_PIDS[i]}")
    fi
  done
  for i in "${pids[@]}"; do
    demo_stop_one "$i"
  done
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

demo_device_description() { # DEVICE
  case "$1" in
    router) echo "Router cáp quang VNPT (simulated by the SonLa.Monitor demo)" ;;
    switch) echo "Switch truy cập 8 cổng (simulated by the SonLa.Monitor demo)" ;;
    ups)    echo "UPS 1500VA có card mạng SNMP (simulated by the SonLa.Monitor demo)" ;;
  esac
}

# demo_start_device SITE DEVICE NUMBER PORT — a real snmpd whose IF-MIB (router, switch) or UPS-MIB
# (ups) tables come from demo/sim_device.py; the system group (sysUpTime, sysName, ...) is snmpd's
# own. Not waited for here: all devices start at once, demo_wait_devices waits for them.
demo_start_device() {
  local site=$1 device=$2 number=$3 port=$4 dir script="$ROOT/demo/sim_device.py" extra="" roots=() root
  dir="$DEMO_RUN/$site/$device"
  mkdir -p "$dir/persist"
  [ "$device" = ups ] || [ "${DEMO_SITE_SCENARIO[$site]}" != degraded ] || extra=" --wan-down"
  if [ "$device" = ups ]; then
    roots=(.1.3.6.1.2.1.33)
  else
    roots=(.1.3.6.1.2.1.2 .1.3.6.1.2.1.31.1.1)
  fi
  {
    cat <<EOF
agentAddress udp:127.0.0.1:$port
rocommunity $DEMO_COMMUNITY 127.0.0.1
sysName $site-$device
sysLocation ${DEMO_SITE_NAME[$site]}, ${DEMO_SITE_DISTRICT[$site]}, tỉnh Sơn La
sysContact noc@sonla.example
sysDescr $(demo_device_description "$device")
sysServices 72
dontLogTCPWrappersConnects yes
EOF
    for root in "${roots[@]}"; do
      echo "pass_persist $root $PY $script $device $root --site $number$extra"
    done
  } >"$dir/snmpd.conf"
  # -I -...: snmpd's own interface tables (this host's NICs) would shadow the simulated ones.
  demo_start "snmpd $site/$device" "$dir/snmpd.out" "$dir" \
    snmpd -f -C -c "$dir/snmpd.conf" -Lf "$dir/snmpd.log" "--persistentDir=$dir/persist" \
    -M /dev/null -I -ifTable,ifXTable,interfaces,smux
  DEMO_DEVICE_PORT["$site/$device"]=$port
  DEMO_DEVICE_PID["$site/$device"]=$(demo_last_pid)
}

demo_start_devices() {
  local ports=() id device number=0 i=0
  read -r -a ports < <(demo_free_ports udp $((${#DEMO_SITE_IDS[@]} * ${#DEMO_DEVICES[@]})))
  for id in "${DEMO_SITE_IDS[@]}"; do
    number=$((number + 1))
    for device in "${DEMO_DEVICES[@]}"; do
      demo_start_device "$id" "$device" "$number" "${ports[i]}"
      i=$((i + 1))
    done
  done
}

demo_wait_devices() {
  local key
  for key in "${!DEMO_DEVICE_PORT[@]}"; do
    demo_wait_for "${DEMO_DEVICE_PID[$key]}" 30 "snmpd ($key)" "$DEMO_RUN/$key/snmpd.log" \
      snmpget -v2c -c "$DEMO_COMMUNITY" -t 0.5 -r 0 -On -M /dev/null "127.0.0.1:${DEMO_DEVICE_PORT[$key]}" .1.3.6.1.2.1.1.3.0
  done
}

demo_start_collector() {
  read -r DEMO_GRPC_PORT DEMO_HTTP_PORT < <(demo_free_ports tcp 2)
  DEMO_ADMIN_PASSWORD=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(12))')
  local log="$DEMO_RUN/collector.log" id i=0
  # Settings as environment variables (the __ form of the configuration keys), so nothing is
  # written into dist/. gRPC gets an HTTP/2-only endpoint: cleartext HTTP/2 (h2c) needs one.
  {
    cat <<EOF
Influx__Url=http://127.0.0.1:$DEMO_INFLUX_HTTP
Influx__Version=1
Influx__Database=$DEMO_DATABASE
State__Path=$DEMO_RUN/collector-state.db
Auth__InitialAdminPassword=$DEMO_ADMIN_PASSWORD
Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$DEMO_GRPC_PORT
Kestrel__Endpoints__Grpc__Protocols=Http2
Kestrel__Endpoints__Http__Url=http://127.0.0.1:$DEMO_HTTP_PORT
Kestrel__Endpoints__Http__Protocols=Http1
EOF
    for id in "${DEMO_SITE_IDS[@]}"; do
      DEMO_SITE_TOKEN[$id]=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(24))')
      printf 'Agents__%d__SiteId=%s\nAgents__%d__Token=%s\n' "$i" "$id" "$i" "${DEMO_SITE_TOKEN[$id]}"
      printf 'Sites__%d__Id=%s\nSites__%d__Name=%s\nSites__%d__District=%s\n' \
        "$i" "$id" "$i" "${DEMO_SITE_NAME[$id]}" "$i" "${DEMO_SITE_DISTRICT[$id]}"
      i=$((i + 1))
    done
  } >"$DEMO_RUN/collector.env"
  chmod 600 "$DEMO_RUN/collector.env"
  local settings=()
  mapfile -t settings <"$DEMO_RUN/collector.env"
  demo_start sonla-collector "$log" "$DIST/collector" env "${settings[@]}" "$DIST/collector/sonla-collector"
  DEMO_COLLECTOR_PID=$(demo_last_pid)
}

demo_wait_collector() {
  demo_wait_for "$DEMO_COLLECTOR_PID" 60 "sonla-collector" "$DEMO_RUN/collector.log" \
    demo_http_up "http://127.0.0.1:$DEMO_HTTP_PORT/healthz"
}

demo_write_agent_config() { # SITE
  local site=$1 dir="$DEMO_RUN/$1"
  "$PY" - "$dir/agent.json" <<EOF
import json, sys
device = lambda name, role: {"Name": name, "Host": "127.0.0.1:" + {"router": "${DEMO_DEVICE_PORT[$site/router]}",
    "switch": "${DEMO_DEVICE_PORT[$site/switch]}", "ups": "${DEMO_DEVICE_PORT[$site/ups]}"}[name],
    "Version": "2c", "Community": "$DEMO_COMMUNITY", "IntervalSeconds": $DEMO_INTERVAL_SECONDS, "Role": role}
config = {
    "Site": {"Id": "$site", "Name": "${DEMO_SITE_NAME[$site]}"},
    "Collector": {"Url": "http://127.0.0.1:$DEMO_GRPC_PORT", "Token": "${DEMO_SITE_TOKEN[$site]}"},
    "Outbox": {"Directory": "$dir/outbox", "MaxMegabytes": 32},
    "Devices": [device("router", "uplink"), device("switch", "switch"), device("ups", "ups")],
    # The demo stays on loopback: its self-check pings 127.0.0.1, not this machine's real gateway.
    "SelfCheck": {"Gateway": "127.0.0.1"},
}
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(config, f, ensure_ascii=False, indent=2)
EOF
  chmod 600 "$dir/agent.json"
}

# Every agent at once: on two cores a sequential start of a dozen .NET programs takes longer than
# the minute a newcomer should wait.
demo_start_agents() {
  local id
  for id in "${DEMO_SITE_IDS[@]}"; do
    demo_write_agent_config "$id"
    demo_start "sonla-agent $id" "$DEMO_RUN/$id/agent.log" "$DEMO_RUN/$id" \
      "$DIST/agent/sonla-agent" run --config "$DEMO_RUN/$id/agent.json"
    DEMO_AGENT_PID[$id]=$(demo_last_pid)
  done
  sleep 2
  for id in "${DEMO_SITE_IDS[@]}"; do
    demo_alive "${DEMO_AGENT_PID[$id]}" \
      || { tail -n 30 "$DEMO_RUN/$id/agent.log" >&2; die "sonla-agent of $id exited at start (log: $DEMO_RUN/$id/agent.log)."; }
  done
}

demo_site_has_data() { # SITE: interface points of the site are in InfluxDB
  demo_influx_query "SELECT count(oper_status) FROM interface WHERE site='$1'" | grep -q '"count"'
}

# The down site: its agent connects and delivers its first poll (so the dashboard knows its
# devices), then stops — the site shows red (down), not grey (unknown).
demo_take_down() {
  local id
  for id in $(demo_sites_with down); do
    demo_wait_for "${DEMO_AGENT_PID[$id]}" 60 "sonla-agent of $id" "$DEMO_RUN/$id/agent.log" demo_site_has_data "$id"
    demo_stop_one "${DEMO_AGENT_PID[$id]}"
    DEMO_STOPPED[${DEMO_AGENT_PID[$id]}]=1
    info "stopped the agent of $id (${DEMO_SITE_NAME[$id]}) after its first poll: the site shows down"
  done
}

demo_print_summary() {
  local id scenario note
  say ""
  say "SonLa.Monitor demo: ${#DEMO_SITE_IDS[@]} sites of Sơn La province, all on 127.0.0.1 (started in ${DEMO_STARTUP_SECONDS}s)"
  say "  run dir (configs, logs, outboxes): $DEMO_RUN"
  say ""
  # Python pads by characters; bash's printf would pad by bytes and skew the Vietnamese names.
  for id in "${DEMO_SITE_IDS[@]}"; do
    scenario=${DEMO_SITE_SCENARIO[$id]}
    case "$scenario" in
      down) note="agent stopped after its first poll" ;;
      degraded) note="router wan0 (fibre) oper down, on 4G backup" ;;
      *) note="" ;;
    esac
    printf '%s|%s|%s|%s|router %s, switch %s, ups %s|%s\n' "$id" "${DEMO_SITE_NAME[$id]}" "${DEMO_SITE_DISTRICT[$id]}" "$scenario" \
      "${DEMO_DEVICE_PORT[$id/router]}" "${DEMO_DEVICE_PORT[$id/switch]}" "${DEMO_DEVICE_PORT[$id/ups]}" "$note"
  done | "$PY" -c '
import sys
rows = [["site", "name", "district", "expected", "devices (snmpd, 127.0.0.1 udp port)", ""]]
rows += [line.split("|") for line in sys.stdin.read().splitlines()]
for site, name, district, scenario, ports, note in rows:
    print("  " + site.ljust(12) + name.ljust(18) + district.ljust(18) + scenario.ljust(10) + ports + ("  (" + note + ")" if note else ""))
'
  say ""
  say "  InfluxDB 1.x      http://127.0.0.1:$DEMO_INFLUX_HTTP  database $DEMO_DATABASE   log: $DEMO_RUN/influxdb/influxd.log"
  say "  sonla-collector   gRPC (h2c) http://127.0.0.1:$DEMO_GRPC_PORT   HTTP http://127.0.0.1:$DEMO_HTTP_PORT   log: $DEMO_RUN/collector.log"
  say "                    settings: $DEMO_RUN/collector.env"
  say "  sonla-agent       one per site, polls every ${DEMO_INTERVAL_SECONDS}s; config and log: $DEMO_RUN/SITE/agent.json, agent.log"
  say ""
  say "Dashboard: http://127.0.0.1:$DEMO_HTTP_PORT/"
  say "  login (web UI and JSON API): admin / $DEMO_ADMIN_PASSWORD"
  say ""
  say "JSON API:"
  say "  curl -s -c $DEMO_RUN/cookies -H 'Content-Type: application/json' \\"
  say "       -d '{\"user\":\"admin\",\"password\":\"$DEMO_ADMIN_PASSWORD\"}' http://127.0.0.1:$DEMO_HTTP_PORT/api/login"
  say "  curl -s -b $DEMO_RUN/cookies http://127.0.0.1:$DEMO_HTTP_PORT/api/sites"
  say "  curl -s -b $DEMO_RUN/cookies http://127.0.0.1:$DEMO_HTTP_PORT/api/sites/chieng-pac"
  say "  curl -s -b $DEMO_RUN/cookies 'http://127.0.0.1:$DEMO_HTTP_PORT/api/alerts?state=all'"
  say "  curl -s http://127.0.0.1:$DEMO_HTTP_PORT/healthz      curl -s http://127.0.0.1:$DEMO_HTTP_PORT/metrics"
  say "Raw data:"
  say "  curl -sG http://127.0.0.1:$DEMO_INFLUX_HTTP/query --data-urlencode db=$DEMO_DATABASE \\"
  say "       --data-urlencode \"q=SELECT last(in_bps), last(out_bps), last(oper_status) FROM interface WHERE site='chieng-coi' GROUP BY device, if_name\""
  say "  dist/agent/sonla-agent walk -v 2c -c $DEMO_COMMUNITY 127.0.0.1:${DEMO_DEVICE_PORT[chieng-coi/router]} .1.3.6.1.2.1.31.1.1.1.18"
  say ""
}

# Prints what reached InfluxDB; succeeds when interface points of every site are there.
demo_check_influx() {
  local answer
  answer=$(demo_influx_query "SELECT count(in_octets) AS points FROM interface GROUP BY site; SELECT count(battery_percent) AS points FROM ups GROUP BY site") \
    || { say "check: InfluxDB did not answer"; return 1; }
  "$PY" - "$answer" ${#DEMO_SITE_IDS[@]} <<'EOF'
import json, sys
answer, expected = json.loads(sys.argv[1]), int(sys.argv[2])
results = answer.get("results", [])
def per_site(i):
    series = results[i].get("series", []) if len(results) > i else []
    return {s["tags"]["site"]: s["values"][0][1] for s in series}
interfaces, ups = per_site(0), per_site(1)
print(f"check: InfluxDB has interface points of {len(interfaces)} sites ({sum(interfaces.values())} points), "
      f"UPS points of {len(ups)} sites")
ok = len(interfaces) >= expected and len(ups) >= expected
if not ok:
    print("check: FAILED: some sites sent no interface or UPS data")
sys.exit(0 if ok else 1)
EOF
}

# Logs in as admin and reads /api/sites; succeeds when every site of the demo is there with its
# expected status (ok, except the one down and the one degraded). QUIET=1: print only on success.
demo_check_sites() {
  local quiet=${1:-} cookies="$DEMO_RUN/check-cookies" code answer
  # One login for all the tries (the session cookie is reused).
  if [ ! -s "$cookies" ]; then
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -c "$cookies" -H 'Content-Type: application/json' \
      -d "{\"user\":\"admin\",\"password\":\"$DEMO_ADMIN_PASSWORD\"}" "http://127.0.0.1:$DEMO_HTTP_PORT/api/login")
    if [ "$code" != 200 ]; then
      rm -f "$cookies"
      [ -n "$quiet" ] || say "check: FAILED: POST /api/login answered HTTP $code"
      return 1
    fi
  fi
  answer=$(curl -s --max-time 10 -b "$cookies" -w '\n%{http_code}' "http://127.0.0.1:$DEMO_HTTP_PORT/api/sites")
  code=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  if [ "$code" != 200 ]; then
    [ -n "$quiet" ] || say "check: FAILED: GET /api/sites answered HTTP $code: ${answer:0:200}"
    return 1
  fi
  local expected="" id
  for id in "${DEMO_SITE_IDS[@]}"; do
    expected+="$id=${DEMO_SITE_SCENARIO[$id]},"
  done
  "$PY" - "$answer" "$expected" "$quiet" <<'EOF'
import json, sys
answer, quiet = json.loads(sys.argv[1]), sys.argv[3] == "1"
expected = dict(item.split("=") for item in sys.argv[2].strip(",").split(","))
sites = {s["id"]: s for s in answer.get("sites", [])}
problems = []
if len(sites) < 10:
    problems.append(f"{len(sites)} sites in /api/sites, expected at least 10")
for site_id, status in expected.items():
    got = sites.get(site_id, {}).get("status", "missing")
    if got != status:
        problems.append(f"{site_id}: {got}, expected {status}")
if problems and quiet:
    sys.exit(1)
print(f"{'site':<12} {'name':<20} {'district':<17} {'status':<9} {'uplink':<7} {'alerts':>6}  last seen")
for s in answer.get("sites", []):
    print(f"{s['id']:<12} {s.get('name') or '':<20} {s.get('district') or '':<17} {s.get('status'):<9} "
          f"{s.get('uplink') or '':<7} {s.get('active_alerts', 0):>6}  {s.get('last_seen') or '-'}")
counts = answer.get("counts", {})
print("counts: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
if problems:
    print("check: FAILED: " + "; ".join(problems))
    sys.exit(1)
print(f"check: /api/sites lists {len(sites)} sites; down, degraded and ok exactly as expected")
EOF
}

demo_check_dashboard() { # the web UI's page at /
  local answer
  answer=$(curl -s -o /dev/null --max-time 10 -w '%{http_code} %{content_type}' "http://127.0.0.1:$DEMO_HTTP_PORT/")
  if [[ $answer == "200 text/html"* ]]; then
    say "check: the dashboard answers at http://127.0.0.1:$DEMO_HTTP_PORT/ ($answer)"
  else
    say "check: FAILED: GET / answered '$answer', not an HTML page"
    return 1
  fi
}

# The statuses settle within a poll or two; a check that fails is retried for up to 30 s before it counts.
demo_check() {
  local deadline=$((SECONDS + 30)) rc=0
  until demo_check_sites 1 >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || break
    sleep 2
  done
  demo_check_sites || rc=1
  demo_check_dashboard || rc=1
  demo_check_influx || rc=1
  return "$rc"
}

# Sleeps N seconds (or forever when N is empty), warning once if a child dies unexpectedly.
demo_watch() {
  local seconds=$1 end i
  local -A reported=()
  end=$((SECONDS + ${seconds:-0}))
  while [ -z "$seconds" ] || [ "$SECONDS" -lt "$end" ]; do
    for i in "${!DEMO_PIDS[@]}"; do
      if [ -z "${reported[$i]:-}" ] && [ -z "${DEMO_STOPPED[${DEMO_PIDS[i]}]:-}" ] && ! demo_alive "${DEMO_PIDS[i]}"; then
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
  demo_load_sites

  mkdir -p "$ROOT/.run"
  DEMO_RUN=$(mktemp -d "$ROOT/.run/demo.XXXXXX")
  trap demo_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  local started=$SECONDS id
  for id in "${DEMO_SITE_IDS[@]}"; do mkdir -p "$DEMO_RUN/$id"; done
  info "starting InfluxDB, ${#DEMO_SITE_IDS[@]} sites × ${#DEMO_DEVICES[@]} simulated devices, the collector and ${#DEMO_SITE_IDS[@]} agents"
  demo_start_influx
  demo_start_devices
  demo_start_collector
  demo_wait_devices
  demo_wait_collector
  demo_start_agents
  demo_take_down
  DEMO_STARTUP_SECONDS=$((SECONDS - started))
  demo_print_summary

  if [ -n "$check_seconds" ]; then
    info "running for ${check_seconds}s, then checking /api/sites and the data in InfluxDB"
    demo_watch "$check_seconds"
    if ! demo_check; then
      local log
      for log in "$DEMO_RUN/collector.log" "$DEMO_RUN"/*/agent.log; do
        say "--- last lines of $log"
        tail -n 8 "$log" || true
      done
      say "(set DEMO_KEEP=1 to keep the run directory and all logs)"
      return 1
    fi
    return 0
  fi
  say "Press Ctrl-C to stop everything the demo started."
  demo_watch ""
}
