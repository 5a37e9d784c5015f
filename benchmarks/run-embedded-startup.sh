#!/usr/bin/env bash
# Issue 19: start-up to a healthy /actuator/health and idle RSS of the Spring Boot example on the starter, against the
# standalone service (BENCHMARKS.md). Options: --help. Needs no database (H2 under a temporary folder). Builds the
# benchmarks jar, the example's jar and the service's jar first unless SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -q -B -pl benchmarks,bootstrap,examples/spring-boot -am package -DskipTests -Dmaven.javadoc.skip=true
fi
echo "nproc: $(nproc); $(java -version 2>&1 | head -1); $(date -u +%Y-%m-%dT%H:%M:%SZ); git $(git rev-parse --short HEAD); load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${BENCH_JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.service.EmbeddedStartup "$@"
