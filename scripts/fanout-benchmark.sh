#!/usr/bin/env bash
# Daily-prompt fan-out benchmark (src/test/java/io/drumbeat/bench/FanOutBenchmark.java): a cold
# first day (every DM opened at Tier 3 pace: about 10 minutes for 500), a warm day, and a warm day
# with 429 + Retry-After answers.
# Usage: scripts/fanout-benchmark.sh [MEMBERS (default 500)] [EVERY (429 on every EVERY-th post, default 20)]
# e.g. scripts/fanout-benchmark.sh 50 for a quick look. Extra Maven flags (e.g. -o) in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

# maven-dependency-plugin 2.8 is pinned as in scripts/benchmark.sh.
mvn -B -q ${MAVEN_ARGS:-} test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test

java -Duser.timezone=Pacific/Chatham \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.drumbeat.bench.FanOutBenchmark "$@"
