#!/usr/bin/env bash
# A private, throw-away Apache Jena Fuseki on 127.0.0.1, for the tests and for trying speakergraph on Fuseki.
#
#   scripts/fuseki.sh fetch                  jena-fuseki-main and its jars into the cache, through mvn (once)
#   scripts/fuseki.sh start  DIR [PORT]      dataset /ds in memory, updates on; pid and log under DIR; waits for it
#   scripts/fuseki.sh stop   DIR             stops the server started in DIR, by its pid
#   scripts/fuseki.sh status DIR             running or not, and its query URL
#
# PORT defaults to 3031 (Fuseki's own default is 3030). FUSEKI_TDB2=1 keeps the dataset in DIR/tdb2 instead of memory.
# The jars come from Maven Central (org.apache.jena:jena-fuseki-main:$FUSEKI_VERSION, default 5.6.0; Java 17) into
# FUSEKI_CACHE (default ~/.cache/speakergraph/fuseki-VERSION). Then point speakergraph at it:
#   speakergraph ingest --store http://127.0.0.1:3031/ds/sparql
# (the update and Graph Store endpoints, /ds/update and /ds/data, are found from the query URL)
set -euo pipefail

VERSION=${FUSEKI_VERSION:-5.6.0}
CACHE=${FUSEKI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/speakergraph/fuseki-$VERSION}
MAIN=org.apache.jena.fuseki.main.cmds.FusekiMainCmd

die() { echo "fuseki.sh: $1" >&2; exit "${2:-1}"; }

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# exit status 4: the jars cannot be had (no Maven, or Maven Central out of reach), as opposed to a server that fails
fetch() {
    if [ -f "$CACHE/complete" ]; then echo "jena-fuseki-main $VERSION is in $CACHE"; return; fi
    command -v mvn >/dev/null || die "mvn is not installed — apt-get install maven openjdk-17-jre-headless" 4
    command -v java >/dev/null || die "java is not installed — apt-get install openjdk-17-jre-headless" 4
    local work; work=$(mktemp -d)
    cat >"$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>speakergraph</groupId><artifactId>fuseki-runtime</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.jena</groupId><artifactId>jena-fuseki-main</artifactId><version>$VERSION</version></dependency>
  </dependencies>
</project>
POM
    mkdir -p "$CACHE"
    if ! (cd "$work" && mvn -q -B dependency:copy-dependencies -DincludeScope=runtime \
            -DoutputDirectory="$CACHE/lib" >"$work/mvn.log" 2>&1); then
        cp "$work/mvn.log" "$CACHE/mvn.log"; rm -rf "$work"
        grep -q "Unknown host\|Could not transfer\|Network is unreachable\|Connection refused" "$CACHE/mvn.log" \
            && die "cannot fetch org.apache.jena:jena-fuseki-main:$VERSION: Maven Central is out of reach from this machine — see $CACHE/mvn.log" 4
        die "mvn could not fetch org.apache.jena:jena-fuseki-main:$VERSION — see $CACHE/mvn.log"
    fi
    rm -rf "$work"
    touch "$CACHE/complete"
    echo "jena-fuseki-main $VERSION fetched into $CACHE"
}

pid_of() { [ -f "$1/fuseki.pid" ] && cat "$1/fuseki.pid"; }

# the pid is ours only while it runs Fuseki for this folder (a stale pid may belong to another process)
running() {
    local pid; pid=$(pid_of "$1") || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-Dspeakergraph.fuseki=$1 "
}

port_of() { cat "$1/fuseki.port"; }

# an HTTP/1.0 request through bash's /dev/tcp: no curl needed
answers() {
    timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf "GET /ds/sparql?query=ASK%%7B%%7D HTTP/1.0\r\n\r\n" >&3 &&
        IFS= read -r status <&3 && [[ $status == *" 200 "* ]]' _ "$1" 2>/dev/null
}

start() {  # DIR PORT
    local dir port=${2:-3031} pid data
    mkdir -p "$1"; dir=$(cd "$1" && pwd)
    running "$dir" && die "already running in $dir (pid $(pid_of "$dir")) — run: $0 stop $dir"
    fetch >/dev/null
    if [ "${FUSEKI_TDB2:-0}" = 1 ]; then data=(--tdb2 --loc "$dir/tdb2"); else data=(--mem); fi
    echo "$port" >"$dir/fuseki.port"
    java -Xmx${FUSEKI_HEAP:-1g} "-Dspeakergraph.fuseki=$dir" -cp "$CACHE/lib/*" "$MAIN" \
        --localhost --port "$port" --update "${data[@]}" /ds >"$dir/fuseki.log" 2>&1 &
    pid=$!
    echo "$pid" >"$dir/fuseki.pid"
    for _ in $(seq 1 300); do
        answers "$port" && break
        kill -0 "$pid" 2>/dev/null || die "Fuseki exited — see $dir/fuseki.log (is port $port taken?)"
        sleep 0.2
    done
    answers "$port" || { kill "$pid"; die "no answer on http://127.0.0.1:$port/ds/sparql after 60 s — see $dir/fuseki.log"; }
    echo "fuseki running (pid $pid): http://127.0.0.1:$port/ds/sparql"
}

stop() {  # DIR
    local pid
    pid=$(pid_of "$1") || { echo "no fuseki.pid in $1: nothing to stop"; return; }
    if running "$1"; then
        kill "$pid"
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && { kill -9 "$pid"; echo "fuseki (pid $pid) killed after 10 s" >&2; }
    fi
    rm -f "$1/fuseki.pid"
    echo "fuseki stopped"
}

status() {  # DIR
    if running "$1"; then
        echo "running (pid $(pid_of "$1")): http://127.0.0.1:$(port_of "$1")/ds/sparql"
    else
        echo "not running"; return 3
    fi
}

absdir() { (cd "$1" 2>/dev/null && pwd) || echo "$1"; }

case "${1:-}" in
    fetch) fetch ;;
    start) [ $# -ge 2 ] || usage; start "$2" "${3:-}" ;;
    stop) [ $# -eq 2 ] || usage; stop "$(absdir "$2")" ;;
    status) [ $# -eq 2 ] || usage; status "$(absdir "$2")" ;;
    *) usage ;;
esac
