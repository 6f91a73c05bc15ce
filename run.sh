#!/usr/bin/env bash
# Runs Rasad on this machine: builds what is needed, starts the embedded MongoDB (unless MONGODB_URI names a
# real one), the identity provider (unless RASAD_OIDC_ISSUER names another), the command side and the query
# side, prints their URLs and the demo users, and stops all of it cleanly on Ctrl-C. Data stays in ./data (RASAD_DATA_DIR) between runs.
#
#   ./run.sh             build if sources changed, then run
#   ./run.sh --rebuild   build even if nothing changed
#   ./run.sh --demo      also load the demo province (the committee report's fiscal year, 1404) over the
#                        command API, with a progress bar, and wait until the read models have caught up;
#   ./run.sh --demo=0.1  the same at a tenth of the report's size (scale 0 < s <= 1.0)
#   ./run.sh --rotate-seal-key   make a new key to sign the store's seals (a running Rasad uses it at once),
#                        print the public keys, and exit
#   ./run.sh --rotate-identity-key   make a new key to sign tokens with (the running provider signs with it
#                        from the next token; tokens signed before stay valid until they expire), and exit
#
# Settings (environment): RASAD_WEB_PORT (8080), RASAD_COMMAND_PORT (8081), RASAD_QUERY_PORT (8082), RASAD_IDENTITY_PORT (8083),
# RASAD_OIDC_ISSUER (unset: the embedded provider), RASAD_IDENTITY_KEY_DIR ($RASAD_DATA_DIR/identity-keys),
# RASAD_MONGO_PORT (27217),
# RASAD_DATA_DIR (./data), RASAD_LOG_DIR (./logs), MONGODB_URI (unset: embedded), JAVA_OPTS,
# RASAD_SEAL_KEY_DIR ($RASAD_DATA_DIR/seal-keys), RASAD_WITNESS_FILE ($RASAD_DATA_DIR/witness/seals.jsonl).
set -euo pipefail
cd "$(dirname "$0")"

export RASAD_COMMAND_PORT="${RASAD_COMMAND_PORT:-8081}"
export RASAD_QUERY_PORT="${RASAD_QUERY_PORT:-8082}"
export RASAD_IDENTITY_PORT="${RASAD_IDENTITY_PORT:-8083}"
export RASAD_WEB_PORT="${RASAD_WEB_PORT:-8080}"
export RASAD_MONGO_PORT="${RASAD_MONGO_PORT:-27217}"
export RASAD_DATA_DIR="${RASAD_DATA_DIR:-$PWD/data}"
export RASAD_SEAL_KEY_DIR="${RASAD_SEAL_KEY_DIR:-$RASAD_DATA_DIR/seal-keys}"
export RASAD_WITNESS_FILE="${RASAD_WITNESS_FILE:-$RASAD_DATA_DIR/witness/seals.jsonl}"
export RASAD_IDENTITY_KEY_DIR="${RASAD_IDENTITY_KEY_DIR:-$RASAD_DATA_DIR/identity-keys}"
# Both sides accept the tokens of this issuer: the embedded provider unless another is named.
embedded_identity=""
if [[ -z "${RASAD_OIDC_ISSUER:-}" ]]; then
  embedded_identity=yes
  export RASAD_OIDC_ISSUER="http://127.0.0.1:$RASAD_IDENTITY_PORT"
fi
export AXONIQ_UPDATE_CHECKER_DISABLED=true # Rasad never calls home; the applications say so too
LOG_DIR="${RASAD_LOG_DIR:-$PWD/logs}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
COMMAND_JAR=command-side/target/command-side-exec.jar
QUERY_JAR=query-side/target/query-side-exec.jar
DEMO_JAR=demo-province/target/demo-province-exec.jar
IDENTITY_JAR=identity/target/identity-exec.jar
WEB_JAR=web/target/web-exec.jar
READY_TIMEOUT_SECONDS=120

say() { printf '%s\n' "$*"; }
fail() { printf 'rasad: %s\n' "$*" >&2; exit 1; }

command -v java >/dev/null || fail "Java 17 or newer is needed (no 'java' on PATH)"

rebuild=""
demo_scale=""
rotate_key=""
rotate_identity_key=""
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=--rebuild ;;
    --demo) demo_scale=1.0 ;;
    --demo=*) demo_scale="${arg#--demo=}" ;;
    --rotate-seal-key) rotate_key=yes ;;
    --rotate-identity-key) rotate_identity_key=yes ;;
    *) fail "unknown option $arg (see the top of run.sh)" ;;
  esac
done

needs_build() {
  [[ "${1:-}" == "--rebuild" ]] && return 0
  [[ -f "$COMMAND_JAR" && -f "$QUERY_JAR" && -f "$DEMO_JAR" && -f "$IDENTITY_JAR" && -f "$WEB_JAR" ]] || return 0
  # Any source or build file newer than the older of the two jars means the jars are stale.
  local oldest="$COMMAND_JAR"
  [[ "$QUERY_JAR" -ot "$oldest" ]] && oldest="$QUERY_JAR"
  [[ "$DEMO_JAR" -ot "$oldest" ]] && oldest="$DEMO_JAR"
  [[ "$IDENTITY_JAR" -ot "$oldest" ]] && oldest="$IDENTITY_JAR"
  [[ "$WEB_JAR" -ot "$oldest" ]] && oldest="$WEB_JAR"
  [[ -n "$(find pom.xml shared-kernel event-store web-edge command-side query-side identity web demo-province \
      \( -path '*/target' -prune \) -o -type f -newer "$oldest" -print -quit)" ]]
}

if needs_build "$rebuild"; then
  say "Building Rasad (first time: a few minutes while Maven fetches dependencies)..."
  ./mvnw -q -B -DskipTests package -pl command-side,query-side,identity,web,demo-province -am
fi

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [[ -n "$rotate_key" ]]; then
  exec java -cp "$COMMAND_JAR" -Dloader.main=rasad.eventstore.integrity.SealKeysMain \
    org.springframework.boot.loader.launch.PropertiesLauncher rotate "$RASAD_SEAL_KEY_DIR"
fi

if [[ -n "$rotate_identity_key" ]]; then
  exec java -cp "$IDENTITY_JAR" -Dloader.main=rasad.identity.signing.SigningKeysMain \
    org.springframework.boot.loader.launch.PropertiesLauncher rotate "$RASAD_IDENTITY_KEY_DIR"
fi

ports=("$RASAD_WEB_PORT" "$RASAD_COMMAND_PORT" "$RASAD_QUERY_PORT")
[[ -n "$embedded_identity" ]] && ports+=("$RASAD_IDENTITY_PORT")
for port in "${ports[@]}"; do
  port_taken "$port" && fail "port $port on 127.0.0.1 is in use (is Rasad already running? set RASAD_COMMAND_PORT / RASAD_QUERY_PORT / RASAD_IDENTITY_PORT)"
done

mkdir -p "$LOG_DIR"
pids=()

stop_all() {
  trap - INT TERM EXIT
  say ""
  say "Stopping Rasad..."
  [[ -n "${demo_pid:-}" ]] && kill -TERM "$demo_pid" 2>/dev/null || true
  # The sides first, then the database they write to.
  for pid in "${side_pids[@]:-}"; do [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${side_pids[@]:-}"; do [[ -n "$pid" ]] && wait "$pid" 2>/dev/null || true; done
  if [[ -n "${db_pid:-}" ]]; then
    kill -TERM "$db_pid" 2>/dev/null || true
    wait "$db_pid" 2>/dev/null || true
  fi
  say "Stopped. Data is kept in $RASAD_DATA_DIR."
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

started_at=$(date +%s)
side_pids=()

if [[ -z "${MONGODB_URI:-}" ]]; then
  port_taken "$RASAD_MONGO_PORT" && fail "port $RASAD_MONGO_PORT on 127.0.0.1 is in use (set RASAD_MONGO_PORT)"
  # Its own process group (setsid), so that Ctrl-C reaches only this script, which stops things in order.
  setsid java $JAVA_OPTS -cp "$COMMAND_JAR" -Dloader.main=rasad.eventstore.embedded.EmbeddedMongoMain \
    org.springframework.boot.loader.launch.PropertiesLauncher >"$LOG_DIR/embedded-mongodb.log" 2>&1 &
  db_pid=$!
  for _ in $(seq 1 100); do
    port_taken "$RASAD_MONGO_PORT" && break
    kill -0 "$db_pid" 2>/dev/null || { tail -n 20 "$LOG_DIR/embedded-mongodb.log" >&2; fail "the embedded MongoDB did not start"; }
    sleep 0.2
  done
  mongo_line="mongodb://127.0.0.1:$RASAD_MONGO_PORT (embedded, data in $RASAD_DATA_DIR)"
else
  mongo_line="MONGODB_URI (demo users only if RASAD_DEMO_USERS=on)"
fi

if [[ -n "$embedded_identity" ]]; then
  setsid java $JAVA_OPTS -jar "$IDENTITY_JAR" >"$LOG_DIR/identity.log" 2>&1 &
  side_pids+=($!)
fi
setsid java $JAVA_OPTS -jar "$COMMAND_JAR" >"$LOG_DIR/command-side.log" 2>&1 &
side_pids+=($!)
setsid java $JAVA_OPTS -jar "$QUERY_JAR" >"$LOG_DIR/query-side.log" 2>&1 &
side_pids+=($!)

await_ready() {
  local name=$1 port=$2 pid=$3 deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null)" == 200 ]]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$LOG_DIR/$name.log" >&2
      fail "the $name stopped while starting (log: $LOG_DIR/$name.log)"
    fi
    ((SECONDS < deadline)) || fail "the $name was not ready after ${READY_TIMEOUT_SECONDS}s (log: $LOG_DIR/$name.log)"
    sleep 0.5
  done
}
offset=0
if [[ -n "$embedded_identity" ]]; then
  await_ready identity "$RASAD_IDENTITY_PORT" "${side_pids[0]}"
  offset=1
fi
await_ready command-side "$RASAD_COMMAND_PORT" "${side_pids[$offset]}"
await_ready query-side "$RASAD_QUERY_PORT" "${side_pids[$((offset + 1))]}"
# The pages last: they read the provider's metadata as they start.
setsid java $JAVA_OPTS -jar "$WEB_JAR" >"$LOG_DIR/web.log" 2>&1 &
side_pids+=($!)
await_ready web "$RASAD_WEB_PORT" "${side_pids[$((offset + 2))]}"

# await_settled: every due deadline run and both sides' processors caught up (shared with bench/idle.sh).
source scripts/settled.sh

if [[ -n "$demo_scale" ]]; then
  say "Loading the demo province (scale $demo_scale) through the command API..."
  # In the background and waited for, so that Ctrl-C or a TERM stops the load and then everything else.
  # as a machine, with client credentials; against another provider, set RASAD_DEMO_LOADER_SECRET for its client
  java -jar "$DEMO_JAR" --command-url "http://127.0.0.1:$RASAD_COMMAND_PORT" --scale "$demo_scale" \
    --token-url "${RASAD_OIDC_TOKEN_URL:-$RASAD_OIDC_ISSUER/oauth2/token}" --client demo-loader \
    --secret "${RASAD_DEMO_LOADER_SECRET:-demo-loader}" &
  demo_pid=$!
  wait "$demo_pid" || fail "the demo province could not be loaded (see above; logs in $LOG_DIR)"
  demo_pid=""
  say "Waiting until Rasad has settled: every due follow-up run, both sides' processors caught up..."
  await_settled
  say "Demo province loaded: http://127.0.0.1:$RASAD_WEB_PORT/?toMonth=10 (as manager / manager)"
fi

cat <<EOF

Rasad is ready ($(($(date +%s) - started_at)) s)
  pages         http://127.0.0.1:$RASAD_WEB_PORT   (sign in as manager / manager)
  command side  http://127.0.0.1:$RASAD_COMMAND_PORT   (API docs: http://127.0.0.1:$RASAD_COMMAND_PORT/swagger-ui.html)
  query side    http://127.0.0.1:$RASAD_QUERY_PORT   (API docs: http://127.0.0.1:$RASAD_QUERY_PORT/swagger-ui.html)
  identity      $RASAD_OIDC_ISSUER   (OIDC: $RASAD_OIDC_ISSUER/.well-known/openid-configuration)
  MongoDB       $mongo_line
  logs          $LOG_DIR
  seal keys     $RASAD_SEAL_KEY_DIR (outside the database: keep it apart from the database's backups)
  seal witness  $RASAD_WITNESS_FILE
  demo users    inspector (and inspector-marand, inspector-ahar), agency-clerk, bank-officer, manager, auditor, admin, monitoring (each one's password is its name)

Try it:
  curl -i -u bank-officer:bank-officer -H 'Content-Type: application/json' \\
    -d '{"facilityId":"f-0001","beneficiary":{"nationalId":"0499370899","name":"Maryam Ahmadi"},"programme":"HOME_BUSINESS","bank":"bank-melli","agency":"relief-committee","county":"tabriz","amountRials":3000000000,"committedJobs":2,"grantedOn":"2025-05-01"}' \\
    http://127.0.0.1:$RASAD_COMMAND_PORT/api/facilities
  curl -u manager:manager http://127.0.0.1:$RASAD_QUERY_PORT/api/facilities/f-0001
  # a machine's token (client credentials), then the same read with it:
  TOKEN=\$(curl -s -u demo-loader:demo-loader -d grant_type=client_credentials $RASAD_OIDC_ISSUER/oauth2/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:$RASAD_QUERY_PORT/api/facilities/f-0001

Ctrl-C stops everything.
EOF

# Stay in the foreground until Ctrl-C, or until one of the processes dies on its own.
while true; do
  for pid in "${side_pids[@]}" ${db_pid:-}; do
    kill -0 "$pid" 2>/dev/null || { say "rasad: a process ($pid) stopped; see $LOG_DIR" >&2; exit 1; }
  done
  sleep 1
done
