#!/usr/bin/env bash
# Benchmarks the query side's read models on the embedded default (H2 file): projection catch-up beside a raw
# scan of the same events, and dashboard / league-table latency; prints a Markdown table (docs/performance.md).
#   bench/read-models.sh [sizes]      e.g. bench/read-models.sh 10000,100000   (facilities; 5 events each)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install -pl end-to-end-tests -am
./mvnw -q -B -pl end-to-end-tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
export AXONIQ_UPDATE_CHECKER_DISABLED=true
exec java -Xmx8g -Daxoniq.update-checker.disabled=true -Dlogback.configurationFile=bench/logback-quiet.xml \
  -cp "end-to-end-tests/target/test-classes:$(cat end-to-end-tests/target/benchmark.classpath)" \
  rasad.endtoend.benchmark.ReadModelBenchmark "$@"
