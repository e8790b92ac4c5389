#!/usr/bin/env bash
# Relay load harness: the real relay jar (-Xmx512m), a "clinics" process holding WebSocket connections that ack
# every delivery, and a "gateway" process sending signed callbacks, as separate JVMs on loopback. Bounded in count
# and time; stops by itself. Figures go to docs/performance.md ("Relay").
#
# Usage: scripts/relay-load.sh [throughput|idle|all]      (default: all)
# Knobs (env): CLINICS=1000 CALLBACKS=20000 WARMUP=2000 CONCURRENCY=64 TOKENS=1 IDLE=10000 SKIP_BUILD=0
#              CLINICS_OPTS="" (extra JVM options for the clinics process)
#              RELAY_JAR=relay-server/target/relay-server.jar (e.g. an older build, for before/after)
#              RELAY_OPTS="" (extra JVM options for the relay, e.g. -XX:StartFlightRecording=...)
set -euo pipefail
cd "$(dirname "$0")/.."
scenario="${1:-all}"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
CLINICS="${CLINICS:-1000}"; CALLBACKS="${CALLBACKS:-20000}"; WARMUP="${WARMUP:-2000}"
CONCURRENCY="${CONCURRENCY:-64}"; TOKENS="${TOKENS:-1}"; IDLE="${IDLE:-10000}"; RELAY_OPTS="${RELAY_OPTS:-}"
# At most one callback is in flight per clinic, so more senders than clinics would wait forever.
if [ "$CONCURRENCY" -gt "$CLINICS" ]; then CONCURRENCY="$CLINICS"; fi
CLINICS_OPTS="${CLINICS_OPTS:-}"

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
echo "open files limit: $(ulimit -n)"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -pl relay-server package -DskipTests
fi
cp_file="$(mktemp)"
./mvnw -B -q -pl relay-server dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
CP="relay-server/target/test-classes:relay-server/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
JAR="${RELAY_JAR:-relay-server/target/relay-server.jar}"

pids=()
work=""
cleanup() {
  local status=$?
  if [ "$status" != 0 ] && [ -n "$work" ] && [ -f "$work/relay.log" ]; then
    echo "failed ($status); end of the relay log:" >&2; tail -15 "$work/relay.log" >&2
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$work" ]; then rm -rf "$work"; fi
  return "$status" # keep the run's own exit status (a failed test here would turn success into exit 1)
}
trap cleanup EXIT

# wait_for FILE PATTERN SECONDS PID: until the process writes PATTERN (fails if it exits or time runs out)
wait_for() {
  local end=$((SECONDS + $3))
  until grep -q "$2" "$1" 2>/dev/null; do
    if [ $SECONDS -ge $end ] || ! kill -0 "$4" 2>/dev/null; then
      echo "no '$2' in $1" >&2; tail -20 "$1" >&2; exit 1
    fi
    sleep 0.2
  done
}

# heap_used_kib PID: live heap right after a full GC
heap_used_kib() {
  "$JAVA_HOME/bin/jcmd" "$1" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$1" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9
}

# setup N: new work dir, N clinics registered, sets $work $relay_port $jwks_port
setup() {
  work="$(mktemp -d /tmp/relay-load.XXXXXX)"
  "$JAVA" -cp "$CP" org.abdmdesk.relay.load.LoadSetup --data "$work/data" --work "$work" --clinics "$1"
  read -r relay_port jwks_port < "$work/ports"
}

start_relay() {
  # shellcheck disable=SC2086
  "$JAVA" -Xmx512m $RELAY_OPTS -jar "$JAR" serve --data "$work/data" --port "$relay_port" --bind 127.0.0.1 \
      --jwks-url "http://127.0.0.1:$jwks_port/certs" > "$work/relay.log" 2>&1 &
  relay_pid=$!
  pids+=("$relay_pid")
  wait_for "$work/relay.log" "Relay listening" 60 "$relay_pid"
}

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
  rm -rf "$work"; work=""
}

throughput() {
  echo "== throughput: $CLINICS connected clinics, $WARMUP warm-up + $CALLBACKS measured callbacks, concurrency $CONCURRENCY, $TOKENS token(s)"
  setup "$CLINICS"
  start_relay
  "$JAVA" -Xms1g -Xmx1g -Xmn768m -XX:+AlwaysPreTouch -XX:+UseSerialGC $CLINICS_OPTS -cp "$CP" org.abdmdesk.relay.load.LoadClinics --work "$work" --relay "http://127.0.0.1:$relay_port" \
      --clinics "$CLINICS" --expect $((WARMUP + CALLBACKS)) --seconds 300 > "$work/clinics.log" 2>&1 &
  local clinics_pid=$!
  pids+=("$clinics_pid")
  wait_for "$work/clinics.log" "^connected" 120 "$clinics_pid"
  grep "^connected" "$work/clinics.log"
  local cpu_before; cpu_before="$(ps -o cputimes= -p "$relay_pid" 2>/dev/null || echo 0)"
  timeout 600 "$JAVA" -Xmx1g -XX:+UseSerialGC -cp "$CP" org.abdmdesk.relay.load.LoadGateway --work "$work" \
      --relay "http://127.0.0.1:$relay_port" --clinics "$CLINICS" --warmup "$WARMUP" --callbacks "$CALLBACKS" \
      --concurrency "$CONCURRENCY" --tokens "$TOKENS" --jwks-port "$jwks_port"
  wait "$clinics_pid" || true
  grep -v "^connected" "$work/clinics.log" | head -5 || true
  echo "relay CPU during the run: $(( $(ps -o cputimes= -p "$relay_pid") - cpu_before )) s (whole seconds)"
  "$JAVA" -cp "$CP" org.abdmdesk.relay.load.LoadReport --work "$work"
  echo "relay heap after GC: $(heap_used_kib "$relay_pid") KiB"
  stop_all
}

idle() {
  echo "== idle: heap per idle connection with $IDLE clinics connected"
  setup "$IDLE"
  start_relay
  sleep 2
  local before; before="$(heap_used_kib "$relay_pid")"
  echo "relay heap after GC, 0 connections: $before KiB"
  "$JAVA" -Xmx2g -XX:+UseSerialGC -cp "$CP" org.abdmdesk.relay.load.LoadClinics --work "$work" --relay "http://127.0.0.1:$relay_port" \
      --clinics "$IDLE" --seconds 300 > "$work/clinics.log" 2>&1 &
  local clinics_pid=$!
  pids+=("$clinics_pid")
  wait_for "$work/clinics.log" "^connected" 240 "$clinics_pid"
  grep "^connected" "$work/clinics.log"
  sleep 5
  local after; after="$(heap_used_kib "$relay_pid")"
  echo "relay heap after GC, $IDLE connections: $after KiB"
  echo "heap per idle connection: $(( (after - before) * 1024 / IDLE )) bytes"
  echo "relay RSS: $(grep VmRSS /proc/"$relay_pid"/status | tr -s ' ' | cut -d' ' -f2-), threads: $(ls /proc/"$relay_pid"/task | wc -l)"
  touch "$work/stop-clinics"
  stop_all
}

case "$scenario" in
  throughput) throughput ;;
  idle) idle ;;
  all) throughput; idle ;;
  *) echo "usage: $0 [throughput|idle|all]" >&2; exit 2 ;;
esac
