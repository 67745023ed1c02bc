#!/usr/bin/env bash
# A private, throw-away Virtuoso on 127.0.0.1, for the tests and for trying speakergraph on a SPARQL server.
#
#   scripts/virtuoso.sh install                       apt-get install virtuoso-opensource (once, as root)
#   scripts/virtuoso.sh start  DIR [PORT] [HTTP_PORT] database, ini, log and pid under DIR; waits for /sparql
#   scripts/virtuoso.sh stop   DIR                    stops the server started in DIR, by its pid
#   scripts/virtuoso.sh status DIR                    running or not, and its /sparql URL
#
# PORT (SQL, default 1112) and HTTP_PORT (default 8891) avoid Virtuoso's defaults (1111, 8890).
# VIRTUOSO_PASSWORD, when set, becomes the password of the user dba (the default is "dba").
# VIRTUOSO_BUFFERS: 8 KB pages of cache (default 40000 = 320 MB; Virtuoso advises 170000 for 2 GB free, more for millions of triples).
# Then point speakergraph at it:
#   SPEAKERGRAPH_USER=dba SPEAKERGRAPH_PASSWORD=dba speakergraph ingest --store http://127.0.0.1:8891/sparql
set -euo pipefail

VIRTUOSO=${VIRTUOSO:-virtuoso-t}
ISQL=${ISQL:-isql-vt}

# Virtuoso's default indexes lead with P, O or S: reaching a named graph's triples then reads those of its
# subjects in every other graph, so counting or copying one file's graph grows with the store. This one makes it
# proportional to the graph (a switch of 1,000 graphs: 10 ms instead of 10 s on a store of 300k quads).
GRAPH_INDEX="CREATE COLUMN INDEX RDF_QUAD_GSPO ON DB.DBA.RDF_QUAD (G, S, P, O) PARTITION (S INT (0hexffff00));"

die() { echo "virtuoso.sh: $*" >&2; exit 1; }

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

install() {
    if command -v "$VIRTUOSO" >/dev/null; then echo "$(command -v "$VIRTUOSO") is installed"; return; fi
    [ "$(id -u)" = 0 ] || die "installing needs root — run: sudo $0 install"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null
    command -v "$VIRTUOSO" >/dev/null || die "apt-get installed virtuoso-opensource but $VIRTUOSO is not on PATH"
}

write_ini() {  # DIR PORT HTTP_PORT
    cat >"$1/virtuoso.ini" <<INI
; written by scripts/virtuoso.sh: a throw-away database that listens on 127.0.0.1 only
[Database]
DatabaseFile       = $1/virtuoso.db
ErrorLogFile       = $1/virtuoso.log
LockFile           = $1/virtuoso.lck
TransactionFile    = $1/virtuoso.trx
xa_persistent_file = $1/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $1/virtuoso-temp.db
TransactionFile    = $1/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$2
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., $1
NumberOfBuffers      = ${VIRTUOSO_BUFFERS:-40000}
MaxDirtyBuffers      = $(( ${VIRTUOSO_BUFFERS:-40000} * 3 / 4 ))
MaxQueryMem          = 1G
ThreadsPerQuery      = 2

[HTTPServer]
ServerPort           = 127.0.0.1:$3
ServerRoot           = $1
MaxClientConnections = 10
ServerThreads        = 10
EnabledDavVSP        = 0
Charset              = UTF-8

[SPARQL]
; the default (10000) cuts result sets silently
ResultSetMaxRows           = 100000000
MaxSortedTopRows           = 100000000
; a query past the limit returns partial results with an X-SQL-State header, which speakergraph reports as a time-out;
; without a limit, a query whose client gave up runs on
MaxQueryExecutionTime      = 600
MaxQueryCostEstimationTime = 0
INI
}

absdir() { (cd "$1" 2>/dev/null && pwd) || echo "$1"; }

pid_of() { [ -f "$1/virtuoso.pid" ] && cat "$1/virtuoso.pid"; }

# the pid is ours only while it runs virtuoso-t on this folder's ini (a stale pid may belong to another process)
running() {
    local pid; pid=$(pid_of "$1") || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "+configfile $1/virtuoso.ini"
}

http_port() { sed -n 's/^ServerPort *= *127\.0\.0\.1:\([0-9]*\)$/\1/p' "$1/virtuoso.ini" | tail -1; }

# an HTTP/1.0 request through bash's /dev/tcp: no curl needed
answers() {
    timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf "GET /sparql?query=ASK%%7B%%7D HTTP/1.0\r\n\r\n" >&3 &&
        IFS= read -r status <&3 && [[ $status == *" 200 "* ]]' _ "$1" 2>/dev/null
}

start() {  # DIR PORT HTTP_PORT
    local dir port=${2:-1112} http=${3:-8891} pid fresh=0
    mkdir -p "$1"; dir=$(cd "$1" && pwd)
    command -v "$VIRTUOSO" >/dev/null || die "$VIRTUOSO is not installed — run: $0 install (Debian package virtuoso-opensource)"
    running "$dir" && die "already running in $dir (pid $(pid_of "$dir")) — run: $0 stop $dir"
    [ -f "$dir/virtuoso.db" ] || fresh=1
    write_ini "$dir" "$port" "$http"
    "$VIRTUOSO" +foreground +configfile "$dir/virtuoso.ini" >"$dir/virtuoso.out" 2>&1 &
    pid=$!
    echo "$pid" >"$dir/virtuoso.pid"
    for _ in $(seq 1 300); do
        answers "$http" && break
        kill -0 "$pid" 2>/dev/null || die "virtuoso-t exited — see $dir/virtuoso.log (is port $port or $http taken?)"
        sleep 0.2
    done
    answers "$http" || { kill "$pid"; die "no answer on http://127.0.0.1:$http/sparql after 60 s — see $dir/virtuoso.log"; }
    if [ "$fresh" = 1 ]; then  # an index by graph: speakergraph reads and writes a graph at a time
        "$ISQL" "127.0.0.1:$port" dba dba exec="$GRAPH_INDEX" >/dev/null \
            || die "could not add the graph index (RDF_QUAD_GSPO) — see $dir/virtuoso.log"
    fi
    if [ "$fresh" = 1 ] && [ -n "${VIRTUOSO_PASSWORD:-}" ]; then
        case $VIRTUOSO_PASSWORD in *\'*) kill "$pid"; die "VIRTUOSO_PASSWORD must not contain a quote";; esac
        "$ISQL" "127.0.0.1:$port" dba dba exec="user_set_password('dba', '$VIRTUOSO_PASSWORD');" >/dev/null \
            || die "could not set the dba password — see $dir/virtuoso.log"
    fi
    echo "virtuoso running (pid $pid): http://127.0.0.1:$http/sparql"
}

stop() {  # DIR
    local pid
    pid=$(pid_of "$1") || { echo "no virtuoso.pid in $1: nothing to stop"; return; }
    if running "$1"; then
        kill "$pid"  # SIGTERM: a clean, checkpointed shutdown
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && { kill -9 "$pid"; echo "virtuoso (pid $pid) killed after 10 s" >&2; }
    fi
    rm -f "$1/virtuoso.pid"
    echo "virtuoso stopped"
}

status() {  # DIR
    if running "$1"; then
        echo "running (pid $(pid_of "$1")): http://127.0.0.1:$(http_port "$1")/sparql"
    else
        echo "not running"; return 3
    fi
}

case "${1:-}" in
    install) install ;;
    start) [ $# -ge 2 ] || usage; start "$2" "${3:-}" "${4:-}" ;;
    stop) [ $# -eq 2 ] || usage; stop "$(absdir "$2")" ;;
    status) [ $# -eq 2 ] || usage; status "$(absdir "$2")" ;;
    *) usage ;;
esac
