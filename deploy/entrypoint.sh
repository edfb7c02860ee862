#!/bin/sh
# Weft container entrypoint: runs the Weft CLI with the image's class path.
#
# For "run", when WEFT_INSTANCES=N is set, this instance runs its share of the test: instance i
# (JOB_COMPLETION_INDEX, as a Kubernetes Indexed Job sets it, or WEFT_INSTANCE_INDEX) gets
#   --execution-segment i/N:(i+1)/N --execution-segment-sequence 0,1/N,2/N,...,1
# (0 and 1 written as such), so N instances together do exactly what one would. It also
# defaults the cloud output's shared-run settings: WEFT_CLOUD_INSTANCES=N and
# WEFT_CLOUD_INSTANCE_ID=i (WEFT_CLOUD_RUN_KEY must come from outside: one value per test).
#
# WEFT_ENTRYPOINT_DRY_RUN=1 prints the command, one argument per line, instead of running it.
set -eu

WEFT_HOME="${WEFT_HOME:-/opt/weft}"

fail() {
    echo "entrypoint: $*" >&2
    exit 2
}

is_count() {
    case "$1" in
        '' | *[!0-9]*) return 1 ;;
    esac
    [ "$(decimal "$1")" -ge 1 ] 2>/dev/null
}

is_index() {
    case "$1" in
        '' | *[!0-9]*) return 1 ;;
    esac
    return 0
}

decimal() {
    v=$(echo "$1" | sed 's/^0*//')
    echo "${v:-0}"
}

# point K N: the K-th of N points, as a fraction ("0" and "1" at the ends).
point() {
    if [ "$1" -eq 0 ]; then
        echo 0
    elif [ "$1" -eq "$2" ]; then
        echo 1
    else
        echo "$1/$2"
    fi
}

# sequence N: 0,1/N,...,1
sequence() {
    k=0
    out=""
    while [ "$k" -le "$1" ]; do
        out="$out${out:+,}$(point "$k" "$1")"
        k=$((k + 1))
    done
    echo "$out"
}

if [ "${1:-}" = "run" ] && [ -n "${WEFT_INSTANCES:-}" ]; then
    n="$WEFT_INSTANCES"
    i="${JOB_COMPLETION_INDEX:-${WEFT_INSTANCE_INDEX:-}}"
    is_count "$n" || fail "WEFT_INSTANCES must be a whole number of at least 1, got '$n'"
    is_index "$i" || fail "WEFT_INSTANCES is set but JOB_COMPLETION_INDEX (or WEFT_INSTANCE_INDEX) is not a whole number: '$i'"
    # without leading zeros, so arithmetic does not read "08" as a bad octal number
    n=$(decimal "$n")
    i=$(decimal "$i")
    [ "$i" -lt "$n" ] || fail "instance index $i is not below WEFT_INSTANCES=$n"
    shift
    set -- run --execution-segment "$(point "$i" "$n"):$(point $((i + 1)) "$n")" \
        --execution-segment-sequence "$(sequence "$n")" "$@"
    export WEFT_CLOUD_INSTANCES="${WEFT_CLOUD_INSTANCES:-$n}"
    export WEFT_CLOUD_INSTANCE_ID="${WEFT_CLOUD_INSTANCE_ID:-$i}"
fi

cp="$WEFT_HOME/classes/cli"
for m in core runtime-js target-server cloud-wire outputs cloud; do
    cp="$cp:$WEFT_HOME/classes/$m"
done
cp="$cp:$WEFT_HOME/lib/*"

if [ "${WEFT_ENTRYPOINT_DRY_RUN:-}" = "1" ]; then
    for a in "$@"; do
        echo "$a"
    done
    exit 0
fi

# WEFT_JAVA_OPTS is split on spaces on purpose (several JVM options in one variable).
# shellcheck disable=SC2086
exec java -XX:+UseCompactObjectHeaders --sun-misc-unsafe-memory-access=allow \
    --enable-native-access=ALL-UNNAMED -Dpolyglot.engine.WarnInterpreterOnly=false \
    ${WEFT_JAVA_OPTS:-} -cp "$cp" dev.weft.cli.Weft "$@"
