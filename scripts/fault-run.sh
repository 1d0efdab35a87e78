#!/usr/bin/env bash
# The scale-out fault run of issue 18 (see scripts/faultrun/main.go): NATS,
# two workers and PostgreSQL; a worker SIGKILLed, PostgreSQL stopped for
# 20 s, poison messages and a NUL in a title among the corpus; checks that
# every good article is stored once, the events equal a single-process
# SQLite run, and the poison is dead-lettered with reasons.
# Usage: scripts/fault-run.sh [-corpus FILE] [-outage 20s] [-keep]
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./scripts/faultrun "$@"
