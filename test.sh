#!/usr/bin/env bash
# Runs Weft's whole test suite on a fresh machine: finds a JDK >= 21, installs the Debian
# packages the real-part tests need (PostgreSQL, Chromium + ChromeDriver, InfluxDB 1.x, Prometheus, Redis, tmux for
# the terminal test) when missing and we
# are root, then builds every module and runs every test with Maven.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

need=()
command -v mvn >/dev/null || need+=(maven)
[ -x /usr/lib/postgresql/*/bin/initdb ] 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v tmux >/dev/null || need+=(tmux)
command -v influxd >/dev/null || need+=(influxdb)
command -v prometheus >/dev/null || need+=(prometheus)
command -v redis-server >/dev/null || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test.sh: installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${need[@]}" >&2; }; then
      echo "test.sh: could not install ${need[*]}: tests that need them will skip with a message" >&2
    fi
    # the postgresql, influxdb, prometheus and redis-server packages may start servers of their own; the tests run private ones
    (service postgresql stop >/dev/null 2>&1 || true)
    (service influxdb stop >/dev/null 2>&1 || true)
    (service prometheus stop >/dev/null 2>&1 || true)
    (service redis-server stop >/dev/null 2>&1 || true)
  else
    echo "test.sh: missing ${need[*]}: tests that need them will skip with a message" >&2
  fi
fi

. "$here/jvm-options.sh"
JAVA_HOME="$(weft_find_jdk)"
export JAVA_HOME
echo "test.sh: JDK $JAVA_HOME" >&2
mvn -B -ntp install "$@"
# The build is ./weft's too: mark it built and record the JDK's AOT cache (JDK 25+), as ./weft's
# first use would, so the next ./weft starts at once.
if ls cli/target/weft-cli-*.jar >/dev/null 2>&1 && [ -d cli/target/lib ]; then
  touch cli/target/lib/.built
  weft_aot_prepare "$here"
fi
