#!/usr/bin/env bash
# Generates one migration for a module, for both providers, with `dotnet ef` (the repo's local tool: `dotnet tool restore`).
#   migrations/add.sh <Module> <Name>      e.g. migrations/add.sh Orders SessionReviews
# Module: Platform, Integrations, Identity, Matching, Messaging or Orders. Writes migrations/<Module>/Postgres and
# migrations/<Module>/Sqlite, each with its model snapshot (see docs/decisions/0003-migrations.md). No database is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
module="${1:?module}"; name="${2:?migration name}"
case "$module" in
  Platform)     project=BuildingBlocks/TechInterviewCoach.BuildingBlocks;  context=PlatformDbContext ;;
  Integrations) project=Modules/Integrations/TechInterviewCoach.Integrations; context=IntegrationsDbContext ;;
  Identity|Matching|Messaging|Orders) project=Modules/$module/TechInterviewCoach.$module; context=${module}DbContext ;;
  *) echo "unknown module $module"; exit 2 ;;
esac
rel=$(realpath --relative-to="$project" "migrations/$module")
dotnet tool restore >/dev/null
[ "${NO_BUILD:-}" = 1 ] || dotnet build Host -c Debug -nologo -v q
for provider in Postgres Sqlite; do
  if [ "$provider" = Postgres ]; then
    export ConnectionStrings__Postgres="Host=127.0.0.1;Database=design_time_only"
  else
    export ConnectionStrings__Postgres="" Database__SqlitePath="$(mktemp -d)/design.db"
  fi
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project Host --context "$context" \
    --output-dir "$rel/$provider" --namespace "TechInterviewCoach.Migrations.$module.$provider"
  # dotnet ef writes the snapshot under a folder named after its namespace: keep it beside its migrations.
  snapshot=$(find "$project/TechInterviewCoach" -name "${context}ModelSnapshot.cs" -path "*/$provider/*" 2>/dev/null | head -1)
  if [ -n "$snapshot" ]; then mv "$snapshot" "migrations/$module/$provider/"; fi
  rm -rf "$project/TechInterviewCoach"
done
# A module's implementation is internal (tests/Architecture.Tests): so are its generated migrations.
sed -i 's/^    public partial class /    internal partial class /' migrations/"$module"/*/*.cs
