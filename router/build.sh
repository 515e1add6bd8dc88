#!/usr/bin/env bash
# Installs the router's npm dependencies when the lock file changed, composes the supergraph, then builds
# the persisted-documents manifest (each document checked against the composed public schema).
# Run from anywhere; Maven runs it in the generate-resources phase.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# node_modules/.package-lock.json is npm's record of the last install: reinstall when it is missing
# or older than package-lock.json (a fresh clone, or a dependency change pulled in).
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi

node compose.mjs "$@"
node persisted.mjs
