#!/usr/bin/env bash
# Runs named benchmark scenarios (all when none is named) against the host published as it is deployed (Release,
# ReadyToRun for this machine's runtime), on a throwaway PostgreSQL, with load from this separate process.
# BENCH_SECONDS sets each measurement's length (default 20).
# Example: bench/run.sh yardsticks matching-100k
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish Host/TechInterviewCoach.Host.csproj -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
  -nologo -v q -o Host/bin/Release/bench-publish
dotnet build bench/TechInterviewCoach.Bench/TechInterviewCoach.Bench.csproj -c Release -nologo -v q
dotnet bench/TechInterviewCoach.Bench/bin/Release/net10.0/TechInterviewCoach.Bench.dll "$@"
