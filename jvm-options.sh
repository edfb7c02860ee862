# Sourced by ./weft, test.sh and bench/run: how Weft finds its JDK, builds itself, and which JVM
# it starts with which flags. Functions only; nothing runs on sourcing.
#
#   weft_find_jdk            the JDK to use: JAVA_HOME if it is a JDK >= 21, else the newest under /usr/lib/jvm
#   weft_build HERE          builds the CLI's jars with Maven when sources changed since the last build
#   weft_classpath HERE      the class path: the CLI jar and its dependency jars, in a fixed order
#   weft_aot_prepare HERE    on JDK 25+, records the AOT cache by a training run when it is missing or stale
#                            (first rewriting picocli's old class files so that the cache can hold them)
#   weft_jvm_options HERE    the JVM flags (the AOT cache when usable, WEFT_JIT=1's compiler)
#   weft_command_options ARGS...   flags that depend on the command: JIT tiers, the results service's heap
#
# The JDK's version is read from its release file, so finding it starts no JVM.

# The feature version of the JDK at $1 (21, 25...), from $1/release; 0 if unknown. Read with
# bash's own read (each start calls this several times; a sed per call cost ~1.5 ms).
weft_java_major() {
  local v="" line
  if [ -r "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in JAVA_VERSION=\"*) v="${line#JAVA_VERSION=\"}"; v="${v%%\"*}"; break ;; esac
    done <"$1/release"
  fi
  if [ -z "$v" ] && [ -x "$1/bin/java" ]; then
    v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  fi
  v="${v#1.}"
  v="${v%%[!0-9]*}"
  echo "${v:-0}"
}

weft_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(weft_java_major "$JAVA_HOME")" -ge 21 ]; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/ "$HOME"/.sdkman/candidates/java/*/; do
    d="${d%/}"
    [ -x "$d/bin/javac" ] || continue
    v="$(weft_java_major "$d")"
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  [ -n "$best" ] || { echo "weft: no JDK 21 or newer found (set JAVA_HOME or install one under /usr/lib/jvm)" >&2; return 1; }
  echo "$best"
}

# Builds with Maven (JAVA_HOME set) when a main source or pom is newer than the last build.
weft_build() {
  local here="$1" stamp="$1/cli/target/lib/.built"
  # build output, tests, git and the bench's own tree are not searched: every start pays for this find
  if [ -f "$stamp" ] && [ -z "$(find "$here" \( \( -name target -not -path '*/src/*' \) -o -path '*/src/test' -o -name .git \
       -o -name node_modules -o -path "$here/bench" \) -prune -o \( -path '*/src/main/*' -o -name pom.xml \) -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  command -v mvn >/dev/null || { echo "weft: Maven (mvn) is needed to build Weft: apt-get install maven" >&2; return 1; }
  echo "weft: building (first use or sources changed)..." >&2
  (cd "$here" && mvn -q -B -Dmaven.test.skip=true -pl cli -am package >&2)
  touch "$stamp"
}

# Jars only (the JDK's AOT cache accepts no class folders), in byte order so that the cache's
# recorded class path matches whatever the locale. With the AOT cache, a dependency jar that
# weft_aot_upgrade rewrote for it (picocli) is taken from cli/target/aot/lib instead.
weft_classpath() {
  local here="$1" cp="" j up LC_ALL=C aot=0
  for j in "$here"/cli/target/weft-cli-*.jar; do
    case "$j" in *-tests.jar|*-sources.jar|*-javadoc.jar) ;; *) cp="$j" ;; esac
  done
  weft_aot_wanted && aot=1
  for j in "$here"/cli/target/lib/*.jar; do
    up="$here/cli/target/aot/lib/${j##*/}"
    if [ "$aot" = 1 ] && weft_newer_than_build "$up" "$here"; then j="$up"; fi
    cp="$cp:$j"
  done
  echo "$cp"
}

# picocli's classes are Java 1.5 class files, which the AOT cache skips (the old verifier
# records no constraints), so every start loaded and verified ~230 of them from the jar. This
# writes a copy with them as version 52 (cli/src/launcher/UpgradeOldClasses.java, a single-file
# program needing JDK 24+) for weft_classpath to use; a failure only leaves the original jar.
weft_aot_upgrade() {
  local here="$1" j up
  for j in "$here"/cli/target/lib/picocli-*.jar; do
    [ -f "$j" ] || continue
    up="$here/cli/target/aot/lib/${j##*/}"
    weft_newer_than_build "$up" "$here" && continue
    mkdir -p "${up%/*}"
    if ! "$JAVA_HOME/bin/java" "$here/cli/src/launcher/UpgradeOldClasses.java" "$j" "$up.tmp" 2>>"$2"; then
      rm -f "$up.tmp"; continue
    fi
    mv -f "$up.tmp" "$up"
  done
}

# The AOT cache for this JDK build (caches are specific to one JDK build and one set of jars).
weft_aot_file() {
  local release="" line
  if [ -r "$JAVA_HOME/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in JAVA_RUNTIME_VERSION=\"*) release="${line#JAVA_RUNTIME_VERSION=\"}"; release="${release%%\"*}"; break ;; esac
    done <"$JAVA_HOME/release"
  fi
  release="${release//[!A-Za-z0-9.]/_}"
  echo "$1/cli/target/aot/weft-${release:-unknown}.aot"
}

# Whether this start may use an AOT cache: JDK 25+ (-XX:AOTCacheOutput), not turned off by
# WEFT_AOT=0, and not WEFT_JIT=1 (an upgraded module path turns the JDK's class sharing off).
weft_aot_wanted() {
  [ "${WEFT_AOT:-1}" != 0 ] && [ "${WEFT_JIT:-0}" != 1 ] && [ "$(weft_java_major "$JAVA_HOME")" -ge 25 ]
}

# Whether file $1 is newer than the last build (its stamp) and every jar on the class path.
weft_newer_than_build() {
  [ -f "$1" ] && [ -z "$(find "$2/cli/target" -maxdepth 2 \( -name '*.jar' -o -name .built \) -newer "$1" -print -quit)" ]
}

# The cache is fresh when it was made after the last build, every jar, and this file's and the
# class upgrader's last change.
weft_aot_fresh() {
  weft_newer_than_build "$1" "$2" && [ ! "$2/jvm-options.sh" -nt "$1" ] \
    && [ ! "$2/cli/src/launcher/UpgradeOldClasses.java" -nt "$1" ]
}

# Records the AOT cache by running dev.weft.cli.aot.AotTraining (a smoke test and a 1 s run against a
# loopback responder) with -XX:AOTCacheOutput. A failed training is logged, said once, and not
# retried until the next build; Weft then starts without the cache.
weft_aot_prepare() {
  local here="$1" cache failed log tmp
  weft_aot_wanted || return 0
  cache="$(weft_aot_file "$here")"
  failed="$cache.failed"
  if weft_aot_fresh "$cache" "$here"; then
    weft_aot_ready="$cache"   # weft_jvm_options, called next, need not check it again
    return 0
  fi
  weft_newer_than_build "$failed" "$here" && return 0
  mkdir -p "$(dirname "$cache")"
  log="$cache.log"
  tmp="$cache.$$.tmp"
  echo "weft: recording the JDK's AOT cache for faster starts (once per build)..." >&2
  : >"$log"
  weft_aot_upgrade "$here" "$log"
  # shellcheck disable=SC2046
  if "$JAVA_HOME/bin/java" $(weft_base_options) -XX:AOTCacheOutput="$tmp" \
       -cp "$(weft_classpath "$here")" dev.weft.cli.aot.AotTraining >>"$log" 2>&1 && [ -s "$tmp" ]; then
    mv -f "$tmp" "$cache"
    rm -f "$failed"
    weft_aot_ready="$cache"
  else
    rm -f "$tmp" "$tmp.config"
    touch "$failed"
    echo "weft: could not record the AOT cache (see $log); starting without it" >&2
  fi
}

# Flags every Weft JVM gets, whatever the JDK (21+) and whether or not a cache is used.
weft_base_options() {
  local major opts
  major="$(weft_java_major "$JAVA_HOME")"
  opts="--enable-native-access=ALL-UNNAMED -Dpolyglot.engine.WarnInterpreterOnly=false"
  if [ "$major" -ge 23 ]; then
    opts="$opts --sun-misc-unsafe-memory-access=allow"
  fi
  if [ "$major" -ge 25 ]; then
    opts="$opts -XX:+UseCompactObjectHeaders"
  fi
  echo "$opts"
}

weft_jvm_options() {
  local here="$1" lib="$1/cli/target/lib" opts cache
  opts="$(weft_base_options)"
  if [ "${WEFT_JIT:-0}" = 1 ]; then
    local up="$here/cli/target/jit/compiler.jar" j
    for j in word collections nativeimage truffle-compiler; do up="$up:$(ls "$lib"/$j-*.jar | head -n 1)"; done
    opts="$opts -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=$up"
  elif weft_aot_wanted; then
    cache="$(weft_aot_file "$here")"
    # a cache the JVM cannot use (other GC or flags in WEFT_JAVA_OPTS) is skipped silently
    if [ "${weft_aot_ready:-}" = "$cache" ] || weft_aot_fresh "$cache" "$here"; then
      opts="$opts -XX:AOTCache=$cache -Xlog:aot=off"
    fi
  fi
  echo "$opts"
}

# Whether `weft run ARGS` (or `weft cloud run ARGS`) is a smoke test, ten iterations at most, so
# that C1 alone is quicker (see weft_command_options). It is when the arguments or K6_ITERATIONS
# ask for 10 iterations or fewer and nothing sets a duration or stages; or when nothing on the
# command line or in the environment sets VUs, duration, iterations, stages or a config file and
# the script (the last argument named *.js, *.mjs, *.cjs or *.ts) cannot export options: neither
# the word "options" nor "export *" is in it. k6 then runs one iteration of one VU. Anything else
# (an archive, a script from stdin, an unreadable file) is not a smoke test.
weft_smoke_test() {
  local a script="" iters="${K6_ITERATIONS:-}" sized="" timed="" want=""
  [ -n "${K6_VUS:-}${K6_CONFIG:-}" ] && sized=1
  [ -n "${K6_DURATION:-}${K6_STAGES:-}" ] && timed=1
  [ "${1:-}" = cloud ] && shift
  shift
  for a in "$@"; do
    if [ -n "$want" ]; then
      [ "$want" = i ] && iters="$a"
      want=""; continue
    fi
    case "$a" in
      -i | --iterations) want=i ;;
      --iterations=*) iters="${a#*=}" ;;
      -i[0-9]*) iters="${a#-i}" ;;
      -d | --duration | -s | --stage) timed=1; want=x ;;
      --duration=* | --stage=* | -d?* | -s?*) timed=1 ;;
      -u | --vus | -c | --config) sized=1; want=x ;;
      --vus=* | --config=* | -u?* | -c?*) sized=1 ;;
      -*) ;;
      *.js | *.mjs | *.cjs | *.ts) script="$a" ;;
    esac
  done
  [ -z "$timed" ] || return 1
  case "$iters" in
    "") ;;
    *[!0-9]*) return 1 ;;
    *) [ "${#iters}" -le 2 ] && [ "$iters" -le 10 ]; return ;;   # no arithmetic on a 30-digit count
  esac
  [ -z "$sized" ] && [ -n "$script" ] && [ -f "$script" ] && [ -r "$script" ] \
    && ! grep -q -F -e options -e 'export *' "$script" 2>/dev/null
}

# Flags chosen by the command (see README, "Start-up, JIT and heap"). Commands start with a
# small heap (tests 32 MB, the others 64 MB) that grows as needed up to the JVM's default
# maximum (a quarter of RAM): with the JVM's default start (1/64 of RAM) 50 VUs for 60k
# requests kept 300-375 MB of RSS, with 64 MB ~200 MB for the same CPU. Commands that end in a
# second or so (version, inspect, archive, status...) run with C1 only: C2 compiling GraalJS's
# start-up code costs them more CPU than it gives back. Tests (run, quickstart, cloud run) keep both tiers: C2's steady state takes two
# thirds of C1's CPU per request (40 against 60 us for 50 VUs). They collect with the parallel
# collector aiming at 5% of the time in GC (GCTimeRatio=19; its default, 1%, grew the young
# generation to 400 MB) with at most 128 MB of young generation: G1 grew the heap to 470 MB
# around 22 MB of live data (50 VUs: 490-730 MB of RSS against k6's 130), this keeps 235-242 MB
# for the same requests and CPU per request. The young generation's bound is a trade: at 64 MB,
# 10,000 VUs parked in sleep(1) promoted their parked stacks and the old generation grew by
# 37 MB a second; at 128 MB it grows ~6 MB a second (1.15 GB after init, 1.39 GB after 40 s)
# towards a full collection; unbounded it stays flat at 1.45-1.6 GB but pauses 0.2-0.35 s per
# young collection. Tests start with 32 MB (a smoke test's RSS 123 MB against 131 with 64 MB).
# The results service (cloud serve) gets a bounded heap: with the JVM's default it grew to
# 2.6 GB of RSS around 10 MB of live data.
# WEFT_JAVA_OPTS comes after these flags, so it overrides any of them; when it names a collector
# (-XX:+UseG1GC...), Weft names none (the JVM refuses two).
weft_command_options() {
  local gc="-XX:+UseParallelGC -XX:GCTimeRatio=19 -XX:MaxNewSize=128m"
  case " ${WEFT_JAVA_OPTS:-} " in *" -XX:+Use"*"GC "*) gc="" ;; esac
  case "${1:-} ${2:-}" in
    "run "* | "cloud run")
      if weft_smoke_test "$@"; then echo "-Xms32m $gc -XX:TieredStopAtLevel=1"; else echo "-Xms32m $gc"; fi ;;
    "quickstart "*) echo "-Xms32m $gc" ;;
    "target "*) echo "-Xms64m" ;;
    "cloud "*) echo "-Xms64m -Xmx512m" ;;
    *) echo "-Xms64m -XX:TieredStopAtLevel=1" ;;
  esac
}
