# Sourced by the benchmarks: runs ./run.sh on a fresh temporary data directory and its own ports (the caller's
# RASAD_*_PORT, else the defaults given), waits until it is ready, and on exit stops it and removes the directory.
#   source bench/fresh-rasad.sh <name> <command port> <query port> <mongo port>     sets work and run_pid
# (the identity provider on the command port + 2)
work=$(mktemp -d "/tmp/rasad-$1-XXXXXX")
export RASAD_DATA_DIR="$work/data" RASAD_LOG_DIR="$work/logs"
export RASAD_COMMAND_PORT="${RASAD_COMMAND_PORT:-$2}" RASAD_QUERY_PORT="${RASAD_QUERY_PORT:-$3}"
export RASAD_MONGO_PORT="${RASAD_MONGO_PORT:-$4}"
# the embedded identity provider beside them; the benchmarks sign in to it as a machine (scripts/settled.sh)
export RASAD_IDENTITY_PORT="${RASAD_IDENTITY_PORT:-$(($2 + 2))}"
source scripts/settled.sh

./run.sh > "$work/run.out" 2>&1 &
run_pid=$!
# TERM, not INT: a background job of a script starts with INT ignored, and run.sh could not trap it
trap 'kill -TERM "$run_pid" 2>/dev/null; wait "$run_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
until grep -q "Rasad is ready" "$work/run.out"; do
  kill -0 "$run_pid" 2>/dev/null || { cat "$work/run.out" >&2; exit 1; }
  sleep 1
done
