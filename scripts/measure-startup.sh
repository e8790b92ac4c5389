#!/usr/bin/env bash
# Cold start of the workstation to an interactive front desk, median of N runs (default 5).
# Each run is a new JVM with a new, empty data folder (so the database is created and migrated),
# in demo mode (simulator on loopback), in a real GTK window under Xvfb.
# Needs: JDK 25 (JAVA_HOME) and Debian packages xvfb xauth libgtk-3-0.
# Usage: scripts/measure-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME

./mvnw -q -B install -DskipTests
cp_file="$(mktemp)"
./mvnw -q -B -pl app dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
classpath="app/target/classes:$(cat "$cp_file")"

figures=()
for i in $(seq 1 "$runs"); do
  data="$(mktemp -d)"
  line="$(xvfb-run -a -s "-screen 0 1400x900x24" \
      "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dabdmdesk.data.dir="$data" \
      -cp "$classpath" org.abdmdesk.app.Launcher --demo --exit-when-ready 2>/dev/null | grep '^startup-ms=' || true)"
  rm -rf "$data"
  if [ -z "$line" ]; then echo "run $i: no startup-ms line" >&2; exit 1; fi
  ms="${line#startup-ms=}"
  echo "run $i: ${ms} ms"
  figures+=("$ms")
done
median="$(printf '%s\n' "${figures[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')"
echo "median of $runs: ${median} ms"
