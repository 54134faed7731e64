#!/usr/bin/env bash
# Runs named benchmark scenarios (all when none is named) against the host built in Release, on a throwaway
# PostgreSQL, with load from this separate process. BENCH_SECONDS sets each measurement's length (default 20).
# Example: bench/run.sh yardsticks matching-100k
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Host/TechInterviewCoach.Host.csproj -c Release -nologo -v q
dotnet build bench/TechInterviewCoach.Bench/TechInterviewCoach.Bench.csproj -c Release -nologo -v q
dotnet bench/TechInterviewCoach.Bench/bin/Release/net10.0/TechInterviewCoach.Bench.dll "$@"
