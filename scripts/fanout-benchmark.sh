#!/usr/bin/env bash
# Daily-prompt fan-out benchmark (src/test/java/io/drumbeat/bench/FanOutBenchmark.java), through
# serve's polling scheduler and outbox against the Slack double, on a clock at real speed:
# (a) `/drumbeat prompt daily now` on an empty database; (b) the first 09:30 on a new empty
# database; (c) the next day (warm); (d) every EVERY-th post answered 429 Retry-After: 1;
# (e) one member's DM answering 429 Retry-After: RETRY_AFTER; (f) every answer after LATENCY_MS.
# BUDGET: the workspace-wide chat.postMessage budget a minute (serve: 600). About 8 minutes for 500.
# Usage: scripts/fanout-benchmark.sh [MEMBERS (500)] [EVERY (7)] [RETRY_AFTER (30)] [LATENCY_MS (250)] [BUDGET (600)]
# e.g. scripts/fanout-benchmark.sh 50 for a quick look. Extra Maven flags (e.g. -o) in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

# maven-dependency-plugin 2.8 is pinned as in scripts/benchmark.sh.
mvn -B -q ${MAVEN_ARGS:-} test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test

# An unusual default zone shows any use of it (Drumbeat always names its zones).
java -Duser.timezone=Pacific/Chatham \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.drumbeat.bench.FanOutBenchmark "$@"
