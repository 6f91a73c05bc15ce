#!/usr/bin/env bash
# Time from a triggering command (a payment beyond the grant, rule R10) to its alert in the query API, idle and
# while the demo province loads at full speed; prints a Markdown table (docs/performance.md).
#   bench/alert-latency.sh [scale] [threads]      e.g. bench/alert-latency.sh 0.1 8
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install -pl end-to-end-tests -am
./mvnw -q -B -pl end-to-end-tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
export AXONIQ_UPDATE_CHECKER_DISABLED=true
exec java -Xmx8g -Daxoniq.update-checker.disabled=true -Dlogback.configurationFile=bench/logback-quiet.xml \
  -cp "end-to-end-tests/target/test-classes:$(cat end-to-end-tests/target/benchmark.classpath)" \
  rasad.endtoend.AlertLatencyBenchmark "$@"
