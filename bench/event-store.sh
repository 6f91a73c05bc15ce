#!/usr/bin/env bash
# Benchmarks Rasad's event store beside the raw MongoDB driver on the embedded server; prints a Markdown
# table (docs/performance.md explains the method and keeps the results).
#   bench/event-store.sh [sizes] [backends]     e.g. bench/event-store.sh 10000,100000,1000000 memory,h2
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install -pl event-store -am
./mvnw -q -B -pl event-store dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
exec java -Xmx12g -Daxoniq.update-checker.disabled=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dlogback.configurationFile=bench/logback-quiet.xml \
  -cp "event-store/target/test-classes:event-store/target/classes:$(cat event-store/target/benchmark.classpath)" \
  rasad.eventstore.benchmark.EventStoreBenchmark "$@"
