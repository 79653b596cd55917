#!/usr/bin/env bash
# The main command: replays a bundled six-month history of a few hundred leads through the real
# plug-ins on the embedded Dataverse emulator, prints what a sales and marketing team would look at
# and writes artifacts/demo-report.html. Extra arguments go to `leadscoring demo` (e.g. --report PATH).
set -euo pipefail
cd "$(dirname "$0")"
source eng/xrmsdk.sh
dotnet run --project Tools/LeadScoring.Workbench -c Release -p:XrmSdk="$XrmSdk" -- demo "$@"
