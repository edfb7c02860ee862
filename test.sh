#!/usr/bin/env bash
# Runs Weft's whole test suite on a fresh machine: finds a JDK >= 21, installs the Debian
# packages the real-part tests need (PostgreSQL, Chromium + ChromeDriver, InfluxDB 1.x, Prometheus) when missing and we
# are root, then builds every module and runs every test with Maven.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

need=()
command -v mvn >/dev/null || need+=(maven)
[ -x /usr/lib/postgresql/*/bin/initdb ] 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v influxd >/dev/null || need+=(influxdb)
command -v prometheus >/dev/null || need+=(prometheus)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test.sh: installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${need[@]}" >&2; }; then
      echo "test.sh: could not install ${need[*]}: tests that need them will skip with a message" >&2
    fi
    # the postgresql, influxdb and prometheus packages may start servers of their own; the tests run private ones
    (service postgresql stop >/dev/null 2>&1 || true)
    (service influxdb stop >/dev/null 2>&1 || true)
    (service prometheus stop >/dev/null 2>&1 || true)
  else
    echo "test.sh: missing ${need[*]}: tests that need them will skip with a message" >&2
  fi
fi

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME" 2>/dev/null || echo 0)" -lt 21 ] 2>/dev/null; then
  JAVA_HOME=""
  best_v=0
  for d in /usr/lib/jvm/*/; do
    d="${d%/}"; [ -x "$d/bin/javac" ] || continue
    v="$(java_major "$d" 2>/dev/null || echo 0)"
    if [ "${v:-0}" -gt "$best_v" ]; then JAVA_HOME="$d"; best_v="$v"; fi
  done
  [ "$best_v" -ge 21 ] || { echo "test.sh: no JDK 21 or newer under /usr/lib/jvm" >&2; exit 1; }
fi
export JAVA_HOME
echo "test.sh: JDK $JAVA_HOME" >&2
exec mvn -B -ntp install "$@"
