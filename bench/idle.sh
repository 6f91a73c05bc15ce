#!/usr/bin/env bash
# Rasad at rest: CPU of all its processes together (embedded MongoDB, identity provider, command side, query side), idle, in
# 10-second windows over 60 s — first on an empty store (the baseline), then after the demo province has loaded
# at the given scale and Rasad has settled. Prints a Markdown table (docs/performance.md).
#   bench/idle.sh [scale]      e.g. bench/idle.sh 0.1
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-0.1}"
source bench/fresh-rasad.sh idle 18181 18182 28217

# The Java processes whose environment names this run's data directory: the four of Rasad, nothing else.
rasad_pids() {
  for environ in /proc/[0-9]*/environ; do
    pid=${environ#/proc/}; pid=${pid%/environ}
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == java ]] || continue
    tr '\0' '\n' < "$environ" 2>/dev/null | grep -qx "RASAD_DATA_DIR=$RASAD_DATA_DIR" && echo "$pid"
  done
}

# Clock ticks (utime + stime) of the given processes, summed.
ticks() {
  local total=0 pid fields
  for pid in "$@"; do
    fields=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    read -r -a stat <<<"$fields"
    total=$((total + stat[11] + stat[12]))
  done
  echo "$total"
}

# Six 10-second windows: the share of one core each used, in per cent; prints them sorted.
windows() {
  local pids hz before after
  mapfile -t pids < <(rasad_pids)
  ((${#pids[@]} == 3)) || { echo "expected 3 Rasad processes, found ${#pids[@]}" >&2; exit 1; }
  hz=$(getconf CLK_TCK)
  for _ in 1 2 3 4 5 6; do
    before=$(ticks "${pids[@]}"); sleep 10; after=$(ticks "${pids[@]}")
    awk -v t=$((after - before)) -v hz="$hz" 'BEGIN { printf "%.2f\n", 100 * t / hz / 10 }'
  done | sort -n
}

# Clock ticks of every thread of the given processes: "<process> <thread name> <ticks>" per line.
thread_ticks() {
  local pid task fields name
  for pid in "$@"; do
    case "$(tr '\0' ' ' < "/proc/$pid/cmdline")" in
      *EmbeddedMongoMain*) name=mongodb ;;
      *query-side*) name=query-side ;;
      *identity*) name=identity ;;
      *) name=command-side ;;
    esac
    for task in /proc/"$pid"/task/*; do
      fields=$(sed 's/^.*) //' "$task/stat" 2>/dev/null) || continue
      read -r -a stat <<<"$fields"
      echo "$name/${task##*/} $(tr ' ' _ < "$task/comm") $((stat[11] + stat[12]))"
    done
  done
}

median() { awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Let start-up and load work pass first: the first seals, and the JIT compilers, which a per-thread sample shows
# busy for a minute or so after either.
quiet="${QUIET_SECONDS:-60}"
sleep "$quiet"
empty=$(windows)

start=$(date +%s)
java -jar demo-province/target/demo-province-exec.jar --command-url "http://127.0.0.1:$RASAD_COMMAND_PORT" \
  --scale "$scale" --token-url "http://127.0.0.1:$RASAD_IDENTITY_PORT/oauth2/token" --client demo-loader \
  --secret demo-loader > "$work/demo.out" 2>&1
loaded=$(date +%s)
settled_state="settled"
SETTLE_TIMEOUT_SECONDS="${SETTLE_TIMEOUT_SECONDS:-1200}" await_settled || settled_state="NOT settled (timed out)"
settled=$(date +%s)
backlog_left=$(deadlines_due)
sleep "$quiet"
mapfile -t all_pids < <(rasad_pids)
thread_ticks "${all_pids[@]}" > "$work/threads.before"
after_demo=$(windows)
thread_ticks "${all_pids[@]}" > "$work/threads.after"
busiest=$(awk 'NR == FNR { before[$1] = $3; next } { d = $3 - before[$1]; if (d > 0) { split($1, p, "/"); print d, p[1], $2 } }' \
  "$work/threads.before" "$work/threads.after" | sort -rn | head -8)

events=$(as_machine "http://127.0.0.1:$RASAD_QUERY_PORT/api/processors" \
  | grep -o '"head":[0-9]*' | head -1 | cut -d: -f2 || true)
cat <<TABLE

Idle CPU of Rasad's processes together, % of one core, six 10-s windows (min / median / max):

| state | events in the store | min | median | max |
|---|---|---|---|---|
| empty store (baseline) | 0 | $(head -1 <<<"$empty") | $(median <<<"$empty") | $(tail -1 <<<"$empty") |
| after the demo at scale $scale, $settled_state ($backlog_left deadlines due) | ${events:-?} | $(head -1 <<<"$after_demo") | $(median <<<"$after_demo") | $(tail -1 <<<"$after_demo") |

Demo load $((loaded - start)) s, then $settled_state after $((settled - loaded)) s; measured from ${quiet} s later.

The busiest threads over the last 60 s (clock ticks of 1/$(getconf CLK_TCK) s, process, thread):
$busiest
TABLE
