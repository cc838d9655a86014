#!/usr/bin/env bash
# Runs the whole system: PostgreSQL, Redis, RabbitMQ and every service, started and wired by the AppHost.
set -euo pipefail
cd "$(dirname "$0")"
. eng/prerequisites.sh
require_packages
exec dotnet run --project AppHost/Platform.AppHost -- "$@"
