#!/usr/bin/env bash
# Benchmarks what auditors wait for on the embedded default (in memory): a 200-event case as of an instant at
# two store sizes beside the live case view, and whole-store verification beside a raw scan of the same
# commits; prints a Markdown table (docs/performance.md explains the method and keeps the results).
#   bench/audit.sh [small] [large]      e.g. bench/audit.sh 10000 1000000   (stored events)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install -pl end-to-end-tests -am
./mvnw -q -B -pl end-to-end-tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
export AXONIQ_UPDATE_CHECKER_DISABLED=true
exec java -Xmx12g -Daxoniq.update-checker.disabled=true -Dlogback.configurationFile=bench/logback-quiet.xml \
  -cp "end-to-end-tests/target/test-classes:$(cat end-to-end-tests/target/benchmark.classpath)" \
  rasad.endtoend.benchmark.AuditBenchmark "$@"
