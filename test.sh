#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine of this kind (Debian 12, .NET SDK 10):
# installs Chromium and PostgreSQL from Debian's packages when missing, builds, runs every test
# (each test process starts and stops its own throwaway PostgreSQL), and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian's packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$PWD/TestResults"
rm -rf "$results"

dotnet build TechInterviewCoach.sln -c Debug -nologo -v q || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

dotnet test TechInterviewCoach.sln -c Debug --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?

# Stop any throwaway PostgreSQL a killed test process left behind.
pgrep -f "tic-pg-" >/dev/null 2>&1 && pkill -f "postgres -D /tmp/tic-pg-" 2>/dev/null

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then echo "no test results found"; status=1; failed=1; fi
echo "$passed passed, $failed failed"
exit $status
