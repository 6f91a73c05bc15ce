# Sourced by run.sh and the benchmarks: when has Rasad settled? Needs RASAD_COMMAND_PORT and RASAD_QUERY_PORT;
# asks as a machine, with a client-credentials token from the identity provider (RASAD_OIDC_TOKEN_URL, else
# the issuer's, else the embedded provider on RASAD_IDENTITY_PORT): the demo loader's client, an admin, unless
# RASAD_MACHINE_CLIENT and RASAD_MACHINE_SECRET name another.

machine_token() {
  local url="${RASAD_OIDC_TOKEN_URL:-${RASAD_OIDC_ISSUER:-http://127.0.0.1:${RASAD_IDENTITY_PORT:-8083}}/oauth2/token}"
  curl -sf -u "${RASAD_MACHINE_CLIENT:-demo-loader}:${RASAD_MACHINE_SECRET:-${RASAD_DEMO_LOADER_SECRET:-demo-loader}}" \
    -d grant_type=client_credentials "$url" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# curl as that machine (a fresh token each time: they last five minutes, and these calls are few)
as_machine() {
  local token
  token=$(machine_token)
  [[ -n "$token" ]] || return 1
  curl -sf -H "Authorization: Bearer $token" "$@"
}

# How many events a side's processors have still to read; empty if it cannot say.
events_behind() {
  local status
  status=$(as_machine "http://127.0.0.1:$1/api/processors") || return 0
  [[ "$status" == *'"behindEvents"'* ]] || return 0
  grep -o '"behindEvents":[0-9]*' <<<"$status" | cut -d: -f2 | awk '{ total += $1 } END { print total + 0 }'
}

# Deadlines due and not yet run on the command side (follow-ups and misses an import leaves behind).
deadlines_due() {
  as_machine "http://127.0.0.1:$RASAD_COMMAND_PORT/api/deadlines/backlog" \
    | grep -o '"dueBacklog":[0-9]*' | cut -d: -f2
}

# Settled: no deadline due, and every processor of both sides at the newest event, twice in a row (what a
# deadline runs is new events, which the processors then read, which may set new deadlines).
# SETTLE_TIMEOUT_SECONDS (unset: no limit) bounds the wait; it then returns 1 with the state printed.
await_settled() {
  local quiet=0 due command query limit=$((SECONDS + ${SETTLE_TIMEOUT_SECONDS:-999999999}))
  while ((quiet < 2)); do
    if ((SECONDS > limit)); then
      printf '\n  not settled after %ss: %s deadlines due, %s events for the alert rules, %s for the read models\n' \
        "${SETTLE_TIMEOUT_SECONDS}" "${due:-?}" "${command:-?}" "${query:-?}"
      return 1
    fi
    due=$(deadlines_due); command=$(events_behind "$RASAD_COMMAND_PORT"); query=$(events_behind "$RASAD_QUERY_PORT")
    if [[ "$due" == 0 && "$command" == 0 && "$query" == 0 ]]; then
      quiet=$((quiet + 1))
    else
      quiet=0
      printf '\r  settling: %s deadlines due, %s events for the alert rules, %s for the read models   ' \
        "${due:-?}" "${command:-?}" "${query:-?}"
    fi
    sleep 2
  done
  printf '\r%-100s\r' ''
}
