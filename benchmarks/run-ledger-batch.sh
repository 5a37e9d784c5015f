#!/usr/bin/env bash
# Issue 15 item 4: a ledger batch (CSV, 100,000 lines) vs the same changes posted one by one, side by side in one run, medians, load average, data checks (BENCHMARKS.md). Options: --help.
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust). Builds benchmarks/target/benchmarks.jar and
# bootstrap/target/card-service.jar first unless SKIP_BUILD=1 (the driver runs a copy of the service's jar).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -q -B -pl benchmarks,bootstrap -am package -DskipTests
fi
echo "nproc: $(nproc); $(java -version 2>&1 | head -1); $(date -u +%Y-%m-%dT%H:%M:%SZ); git $(git rev-parse --short HEAD)"
exec java ${BENCH_JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.service.LedgerBatchRun "$@"
