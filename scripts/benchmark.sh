#!/usr/bin/env bash
# Ack-latency and start-up benchmark (src/test/java/io/drumbeat/bench/AckLatencyBenchmark.java,
# then RetroAckBenchmark.java for retro items and ballots).
# Usage: scripts/benchmark.sh [REQUESTS_PER_THREAD (default 100)] [SERVE_RUNS (default 5)]
# Extra Maven flags (e.g. -o for offline) can be given in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

# maven-dependency-plugin 2.8 is pinned: it is Maven 3.8's default and resolves offline here,
# where later versions lack some of their own dependencies.
mvn -B -q ${MAVEN_ARGS:-} test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test

java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.drumbeat.bench.AckLatencyBenchmark "$@"
