#!/usr/bin/env bash
# Issue 15: webhook deliveries/s through the application vs bare posts to the same loopback receiver
# (BENCHMARKS.md). Options: --help. Default database: PostgreSQL at 127.0.0.1:5432 (user postgres, trust).
# Builds benchmarks/target/benchmarks.jar first (with the modules it needs) unless SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -q -B -pl benchmarks -am package -DskipTests
fi
echo "nproc: $(nproc); $(java -version 2>&1 | head -1); $(date -u +%Y-%m-%dT%H:%M:%SZ)"
exec java ${BENCH_JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.events.WebhookThroughput "$@"
