#!/usr/bin/env bash
# Benchmarks what sealing (checking, signing and witnessing each block) costs the writers: appends with the
# sealer running beside appends without one, alternating rounds on one embedded server; prints a Markdown
# table (docs/performance.md keeps the results).
#   bench/sealing.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install -pl event-store -am
./mvnw -q -B -pl event-store dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
exec java -Xmx4g -Daxoniq.update-checker.disabled=true -Dlogback.configurationFile=bench/logback-quiet.xml \
  -cp "event-store/target/test-classes:event-store/target/classes:$(cat event-store/target/benchmark.classpath)" \
  rasad.eventstore.benchmark.SealingCostBenchmark "$@"
