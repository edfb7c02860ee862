# Sourced by ./weft and bench/run: the JVM flags Weft runs with. WEFT_JIT=1 turns on GraalJS's
# JIT (JVMCI + the Graal compiler from cli/target/jit); the default is the fallback runtime.
weft_jvm_options() {
  local here="$1" lib="$1/cli/target/lib" opts
  opts="-XX:+UseCompactObjectHeaders --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
  opts="$opts -Dpolyglot.engine.WarnInterpreterOnly=false"
  if [ "${WEFT_JIT:-0}" = 1 ]; then
    local up="$here/cli/target/jit/compiler.jar" j
    for j in word collections nativeimage truffle-compiler; do up="$up:$(ls "$lib"/$j-*.jar | head -n 1)"; done
    opts="$opts -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=$up"
  fi
  echo "$opts"
}
