#!/usr/bin/env bash
# Ack-latency and start-up benchmark (src/test/java/io/drumbeat/bench/AckLatencyBenchmark.java):
# (a) `serve` against a workspace of 5,000 channels, cold and warm, from process start to /healthz;
# (b) bursts of 200 `/okr-update` from 20 concurrent senders against Drumbeat and against a bare
#     Bolt app on the same Jetty, with trigger_ids that expire after 3 s as Slack's do;
# (c) retro item and ballot submissions from 20 concurrent senders.
# Usage: scripts/benchmark.sh [ROUNDS (5)] [SERVE_RUNS (3)] [RETRO_PER_SENDER (10; 0 skips it)]
#        [CHANNELS (5000): the workspace's channels in (a)]
# e.g. scripts/benchmark.sh 0 3 0 4: only (a), against 4 channels, to compare with 5,000.
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
