#!/usr/bin/env bash
# Issue 16: the write, read and push paths driven by Debian's wrk (a lean native client) instead of the Java one:
# card-service.jar on PostgreSQL vs pgbench simple-update and a bare Javalin server, phases alternating (BENCHMARKS.md).
# Options: --help. Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust), pgbench/createdb, and wrk (installed
# here with apt-get when missing). Builds benchmarks/target/benchmarks.jar and bootstrap/target/card-service.jar first
# unless SKIP_BUILD=1 (the driver runs a copy of the service's jar).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found: installing Debian's wrk with apt-get" >&2
  if [ "$(id -u)" = "0" ]; then apt-get install -y wrk; else sudo apt-get install -y wrk; fi
fi
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -q -B -pl benchmarks,bootstrap -am package -DskipTests
fi
echo "nproc: $(nproc); $(java -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1 | sed 's/ Copyright.*//'); $(date -u +%Y-%m-%dT%H:%M:%SZ); git $(git rev-parse --short HEAD)"
exec java ${BENCH_JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.service.WrkPaths "$@"
