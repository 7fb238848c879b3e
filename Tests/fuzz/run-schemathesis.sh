#!/usr/bin/env bash
# Bounded property-based fuzzing of the gateway's HTTP API against its own OpenAPI document
# (/openapi.json), with Schemathesis 4. Exits non-zero when Schemathesis reports a failure.
#
#   Tests/fuzz/run-schemathesis.sh [BASE_URL [TOKEN]]
#
# BASE_URL and TOKEN may also come from BAOXUE_URL and BAOXUE_TOKEN. Knobs (environment):
#   FUZZ_EXAMPLES         test cases per operation and phase (default 25, at most 1000)
#   FUZZ_SEED             random seed (default 20261129): the same seed gives the same run
#   FUZZ_WORKERS          concurrent workers (default 1, at most 8)
#   FUZZ_REQUEST_TIMEOUT  seconds for one request (default 10)
#   FUZZ_TIMEOUT          seconds for the whole run, after which it is stopped (default 600)
#   FUZZ_CHECKS           checks to run (default all)
#   FUZZ_REPORT_DIR       where the JUnit XML and NDJSON reports go (default a new temp folder)
#   FUZZ_STUDENT_KEY      an existing student's ID or student number for {key}, so getStudent and
#                         changeStatus get past 404 (that student's status WILL be changed)
#   FUZZ_READONLY=1       skip every POST (imports, new students, status changes)
#
# It writes: POST operations import CSVs, add students and record status changes. Point it at a
# throwaway demo (`baoxue up --demo`), never at a county's real data.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

url="${1:-${BAOXUE_URL:-}}"
token="${2:-${BAOXUE_TOKEN:-}}"
if [ -z "$url" ] || [ -z "$token" ]; then
    echo "usage: $0 BASE_URL TOKEN   (or set BAOXUE_URL and BAOXUE_TOKEN)" >&2
    echo "  e.g. $0 http://127.0.0.1:8080 dev-token" >&2
    exit 2
fi
url="${url%/}"

examples="${FUZZ_EXAMPLES:-25}"
seed="${FUZZ_SEED:-20261129}"
workers="${FUZZ_WORKERS:-1}"
request_timeout="${FUZZ_REQUEST_TIMEOUT:-10}"
run_timeout="${FUZZ_TIMEOUT:-600}"
checks="${FUZZ_CHECKS:-all}"

# Every bound is checked, so a typo can never turn into an unbounded run.
need_int() {  # name value min max
    if ! [[ "$2" =~ ^[0-9]+$ ]] || [ "$2" -lt "$3" ] || [ "$2" -gt "$4" ]; then
        echo "$1 must be a whole number from $3 to $4, not '$2'" >&2
        exit 2
    fi
}
need_int FUZZ_EXAMPLES "$examples" 1 1000
need_int FUZZ_SEED "$seed" 0 4294967295
need_int FUZZ_WORKERS "$workers" 1 8
need_int FUZZ_REQUEST_TIMEOUT "$request_timeout" 1 300
need_int FUZZ_TIMEOUT "$run_timeout" 10 3600

# Schemathesis 4 from PyPI, installed the way the Makefile installs pyzmq; on a Python that
# refuses (PEP 668, "externally-managed-environment") it is installed anyway, as that Python's
# own package, since the project keeps no virtualenv.
if ! python3 -c 'import schemathesis' 2>/dev/null; then
    echo "Installing schemathesis 4 from PyPI…"
    if ! out="$(python3 -m pip install -q 'schemathesis>=4,<5' 2>&1)"; then
        if grep -q externally-managed <<<"$out"; then
            python3 -m pip install -q --break-system-packages 'schemathesis>=4,<5'
        else
            echo "$out" >&2
            exit 1
        fi
    fi
fi
version="$(python3 -c 'import schemathesis; print(schemathesis.__version__)')"
if [ "${version%%.*}" != 4 ]; then
    echo "schemathesis $version is installed; this script needs version 4 (pip install 'schemathesis>=4,<5')" >&2
    exit 1
fi

# Run in a scratch folder: Schemathesis and Hypothesis keep state in the working directory.
work="$(mktemp -d "${TMPDIR:-/tmp}/baoxue-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
report_dir="${FUZZ_REPORT_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/baoxue-fuzz-report.XXXXXX")}"
mkdir -p "$report_dir"
report_dir="$(cd "$report_dir" && pwd)"

config="$work/schemathesis.toml"
cp "$here/schemathesis.toml" "$config"
if [ -n "${FUZZ_STUDENT_KEY:-}" ]; then
    # shellcheck disable=SC2016  # a literal ${…}: Schemathesis reads the variable itself
    printf '\n[parameters]\n"path.key" = "${FUZZ_STUDENT_KEY}"\n' >>"$config"
    export FUZZ_STUDENT_KEY
fi
export BAOXUE_TOKEN="$token"   # read by the config's [headers]

# shellcheck disable=SC2054  # "junit,ndjson" is one argument
args=(
    run "$url/openapi.json"
    --checks "$checks"
    --max-examples "$examples"
    --seed "$seed"
    --generation-database none
    --workers "$workers"
    --request-timeout "$request_timeout"
    --wait-for-schema 30
    --continue-on-failure
    --report junit,ndjson
    --report-junit-path "$report_dir/junit.xml"
    --report-ndjson-path "$report_dir/events.ndjson"
    --no-color
    # The alert stream never ends by design (Server-Sent Events); its tests are in EndToEndTests.
    --exclude-operation-id streamAlerts
)
if [ "${FUZZ_READONLY:-0}" = 1 ]; then
    args+=(--exclude-method POST)
fi

echo "Fuzzing $url with schemathesis $version: $examples examples per operation, seed $seed, $workers worker(s), at most ${run_timeout}s"
started=$SECONDS
status=0
(cd "$work" && timeout --signal=INT --kill-after=30 "$run_timeout" \
    python3 -m schemathesis.cli --config-file "$config" "${args[@]}") || status=$?
echo "Fuzzing took $((SECONDS - started))s; reports: $report_dir/junit.xml, $report_dir/events.ndjson"

case "$status" in
    0) echo "schemathesis: no failures" ;;
    124) echo "FAILED: the run was stopped after ${run_timeout}s (raise FUZZ_TIMEOUT or lower FUZZ_EXAMPLES)" >&2 ;;
    *) echo "FAILED: schemathesis found failures or errors (exit $status); see above and the JUnit report" >&2 ;;
esac
exit "$status"
