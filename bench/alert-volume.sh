#!/usr/bin/env bash
# Alert volume a manager can work: loads the demo province at the given scale on a fresh store, waits until Rasad
# has settled (every follow-up and miss due has fired, both sides caught up), then prints the open alerts by rule,
# as counts and per 1,000 facilities, as a Markdown table (docs/alerts.md).
#   bench/alert-volume.sh [scale]      e.g. bench/alert-volume.sh 0.1
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-0.1}"
source bench/fresh-rasad.sh alerts 18281 18282 28317

java -jar demo-province/target/demo-province-exec.jar --command-url "http://127.0.0.1:$RASAD_COMMAND_PORT" \
  --scale "$scale" --token-url "http://127.0.0.1:$RASAD_IDENTITY_PORT/oauth2/token" --client demo-loader \
  --secret demo-loader > "$work/demo.out" 2>&1
SETTLE_TIMEOUT_SECONDS="${SETTLE_TIMEOUT_SECONDS:-1800}" await_settled

query="http://127.0.0.1:$RASAD_QUERY_PORT"
total_items() { as_machine "$query/api/alerts?size=1&$1" | grep -o '"totalItems":[0-9]*' | cut -d: -f2; }
facilities=$(as_machine "$query/api/facilities?size=1" | grep -o '"totalItems":[0-9]*' | cut -d: -f2)
open_all=$(total_items "status=open")
echo
echo "Open alerts after the demo at scale $scale, settled: $facilities facilities, $open_all open alerts"
echo "($(awk -v a="$open_all" -v f="$facilities" 'BEGIN { printf "%.1f", 1000 * a / f }') per 1,000 facilities)."
echo
echo "| rule | open | per 1,000 facilities |"
echo "|---|---|---|"
for rule in R1 R2 R3 R4 R5 R6 R7 R8 R9 R10 R11; do
  open=$(total_items "status=open&rule=$rule")
  echo "| $rule | $open | $(awk -v a="$open" -v f="$facilities" 'BEGIN { printf "%.1f", 1000 * a / f }') |"
done
