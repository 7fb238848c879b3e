#!/usr/bin/env bash
# Starts a throwaway demo county (`baoxue up --demo`) on free ports in a temporary data directory,
# fuzzes its HTTP API with Schemathesis as a county admin (every operation, writes included) and
# as township staff (reads only, so scope refusals are checked against the document too), then
# stops it. Bounded: FUZZ_EXAMPLES (default 25) cases per operation, FUZZ_TIMEOUT per pass.
#
#   Tests/fuzz/fuzz-gateway.sh        (make fuzz; make test runs it too)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
baoxue="${BAOXUE_BIN:-$root/.build/debug/baoxue}"
[ -x "$baoxue" ] || { echo "build first: $baoxue is missing (swift build)" >&2; exit 2; }

# `baoxue up` needs a whole port plan (8 ports from one base: each service's requests and events,
# the later services' too) before anything binds, so this probes for free ports rather than
# binding port 0 and reading it back as the tests do. Below the kernel's ephemeral range
# (32768-60999), where no outgoing connection takes a port between the probe and the bind.
free_base() {
    python3 - "$@" <<'PY'
import random, socket, sys
count = int(sys.argv[1])
for _ in range(200):
    base = random.randrange(20000, 32700 - count)
    sockets = []
    try:
        for port in range(base, base + count):
            s = socket.socket(); s.bind(("127.0.0.1", port)); sockets.append(s)
        print(base); break
    except OSError:
        pass
    finally:
        for s in sockets: s.close()
PY
}
port_base="$(free_base 8)"
http_port="$(free_base 1)"
data="$(mktemp -d "${TMPDIR:-/tmp}/baoxue-fuzz-data.XXXXXX")"
log="$data/up.log"

"$baoxue" up --demo --students 300 --port-base "$port_base" --http "127.0.0.1:$http_port" --data "$data/data" >"$log" 2>&1 &
up_pid=$!
cleanup() {
    kill -INT "$up_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$up_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$up_pid" 2>/dev/null || true
    rm -rf "$data"
}
trap cleanup EXIT

tokens="$data/data/demo-tokens.env"
for _ in $(seq 1 600); do
    [ -f "$tokens" ] && curl -fsS "http://127.0.0.1:$http_port/healthz" >/dev/null 2>&1 && break
    kill -0 "$up_pid" 2>/dev/null || { echo "baoxue up exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.1
done
[ -f "$tokens" ] || { echo "the demo did not come up within 60 s:" >&2; cat "$log" >&2; exit 1; }
# shellcheck disable=SC1090  # the file baoxue up just wrote
. "$tokens"

status=0
echo "== as county admin: every operation =="
"$here/run-schemathesis.sh" "http://127.0.0.1:$http_port" "$BAOXUE_TOKEN_COUNTY_ADMIN" || status=$?
echo "== as township staff: reads =="
FUZZ_READONLY=1 FUZZ_EXAMPLES="${FUZZ_SCOPED_EXAMPLES:-10}" \
    "$here/run-schemathesis.sh" "http://127.0.0.1:$http_port" "$BAOXUE_TOKEN_TOWNSHIP_STAFF" || status=$?
if ! kill -0 "$up_pid" 2>/dev/null; then
    echo "FAILED: the gateway died during fuzzing:" >&2; tail -50 "$log" >&2; status=1
fi
exit "$status"
