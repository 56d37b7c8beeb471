#!/usr/bin/env bash
# Side by side with a peer: hashcards' drill page and studyhall's study page under the same wrk
# load, in the same run, on a deck of 200 cards each. Prints both rates and their ratio, and as
# its last line one JSON object.
#
#   bash benches/compare-hashcards.sh [SECONDS]      # default 10 s per server
#
# Installs what it needs: wrk and curl (apt-get) and hashcards (`cargo install hashcards`, into
# target/compare/). hashcards serves one user, with no sign-in, its cards in memory; studyhall's
# page is signed in (a session cookie) and reads SQLite on every request. Both servers listen on
# 127.0.0.1 only, and wrk's load is bounded by time.
set -euo pipefail

seconds="${1:-10}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
tools="$repo/target/compare"
work="$(mktemp -d -t studyhall-compare-XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk curl; do
    if ! command -v "$tool" >/dev/null; then
        apt-get install -y "$tool" >/dev/null
    fi
done
hashcards="$tools/bin/hashcards"
if [ ! -x "$hashcards" ]; then
    cargo install --locked --quiet hashcards --root "$tools"
fi
cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
studyhall="$repo/target/release/studyhall"

# Waits until a server answers at $1 (at most 30 s).
wait_for() {
    for _ in $(seq 300); do
        if curl -s -o /dev/null "$1"; then return 0; fi
        sleep 0.1
    done
    echo "nothing answered at $1" >&2
    return 1
}

# Requests per second wrk sustained against $1 (extra wrk arguments follow).
rate() {
    local url="$1"
    shift
    # A short warm-up first, not counted: both servers start cold (caches, allocator, the
    # first connections), and only the steady rate is compared.
    wrk -t2 -c32 -d2s "$@" "$url" >/dev/null
    wrk -t2 -c32 -d"${seconds}s" --latency "$@" "$url" >"$work/wrk.txt"
    # A server that answers errors is not fast, only broken: count them as a failure.
    if grep -q "Non-2xx or 3xx responses" "$work/wrk.txt"; then
        cat "$work/wrk.txt" >&2
        echo "$url answered errors under load" >&2
        return 1
    fi
    cat "$work/wrk.txt" >&2
    awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.txt"
}

# The same 200 cards for both: a question and a one-line answer each.
mkdir -p "$work/hashcards" "$work/questions"
{
    printf '[set]\nid = "compare-200"\ntitle = "Two hundred cards"\n'
    for n in $(seq 200); do
        printf '\n[[cards]]\nid = "card-%d"\nkind = "text"\n' "$n"
        printf 'prompt = "In which year did event number %d take place?"\n' "$n"
        printf 'answer = "%d"\n' "$((1800 + n))"
    done
} >"$work/questions/compare-200.toml"
for n in $(seq 200); do
    printf 'Q: In which year did event number %d take place?\nA: %d\n\n' "$n" "$((1800 + n))"
done >"$work/hashcards/deck.md"

# hashcards: its drill page, as a student opening it sees it.
(cd "$work/hashcards" && exec "$hashcards" drill . --port 18437 --open-browser false \
    >"$work/hashcards.log" 2>&1) &
pids+=($!)
wait_for "http://127.0.0.1:18437/"
echo "hashcards drill page, wrk -t2 -c32 -d${seconds}s:" >&2
hashcards_rate="$(rate "http://127.0.0.1:18437/")"
kill "${pids[0]}"

# studyhall: a student signed in, the study page of the 200-card set. `serve` creates the
# database (the account commands refuse a missing one), then the student registers.
"$studyhall" serve --db "$work/studyhall.db" --questions "$work/questions" \
    --addr 127.0.0.1:18438 >"$work/studyhall.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:18438/healthz"
curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
    -d '{"username":"student","password":"a long enough password"}' \
    http://127.0.0.1:18438/api/v1/register
token="$(curl -s -X POST -H 'Content-Type: application/json' \
    -d '{"username":"student","password":"a long enough password"}' \
    http://127.0.0.1:18438/api/v1/login | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
if [ -z "$token" ]; then
    echo "could not sign in to studyhall" >&2
    exit 1
fi
page="http://127.0.0.1:18438/study/compare-200"
# Into a file first: `curl | grep -q` under pipefail fails whenever grep stops reading before
# curl has written the whole page (curl then exits 23 on the closed pipe).
curl -s -H "Cookie: studyhall_session=$token" "$page" >"$work/page.html"
if ! grep -q "event number" "$work/page.html"; then
    echo "the study page does not show a card" >&2
    exit 1
fi
echo "studyhall study page (signed in), wrk -t2 -c32 -d${seconds}s:" >&2
studyhall_rate="$(rate "$page" -H "Cookie: studyhall_session=$token")"

cores="$(nproc)"
ratio="$(awk -v s="$studyhall_rate" -v h="$hashcards_rate" 'BEGIN { printf "%.2f", s / h }')"
echo "hashcards drill page: $hashcards_rate requests/s"
echo "studyhall study page: $studyhall_rate requests/s (signed in, reading SQLite)"
echo "ratio studyhall / hashcards: $ratio ($cores cores, $(date -u +%Y-%m-%d))"
printf '{"hashcards_per_s":%s,"studyhall_per_s":%s,"ratio":%s,"seconds":%s,"cores":%s}\n' \
    "$hashcards_rate" "$studyhall_rate" "$ratio" "$seconds" "$cores"
