#!/usr/bin/env bash
# Runs every test of the solution (or of the projects given as arguments) and ends with
# "N passed, N failed". Extra `dotnet test` options may follow, e.g. --filter "FullyQualifiedName~Replicas".
set -uo pipefail
cd "$(dirname "$0")"
. eng/prerequisites.sh
require_packages chromium fonts-liberation

targets=()
while [ $# -gt 0 ] && [[ "$1" != -* ]]; do targets+=("$1"); shift; done
[ ${#targets[@]} -eq 0 ] && targets=(Platform.sln)

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
for target in "${targets[@]}"; do
    dotnet test "$target" --logger "trx" --results-directory artifacts/test-results "$@" 2>&1 | tee -a "$log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    22, Skipped:     0, Total: ..."
summary=$(awk '/(Passed|Failed)! +- Failed:/ {
        gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") failed += $(i+1); if ($i == "Passed:") passed += $(i+1) }
     }
     END { printf "%d passed, %d failed\n", passed, failed }' "$log")
# A project that does not build runs no test, so its failure is not in the totals: say so before them.
if [ $status -ne 0 ] && [[ "$summary" == *" 0 failed" ]]; then
    echo "test.sh: dotnet test failed without a failing test: a project did not build or its test host crashed (see above)."
fi
echo "$summary"
exit $status
