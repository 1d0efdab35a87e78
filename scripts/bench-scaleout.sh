#!/usr/bin/env bash
# Measures scale-out throughput: publishes a corpus to a fresh JetStream
# stream, runs N workers against a fresh PostgreSQL schema until the queue is
# empty, and prints articles/s and where the workers' time went.
# Usage: scripts/bench-scaleout.sh CORPUS [WORKERS...]   (default workers: 1 2 4)
# Needs NATS on 127.0.0.1:4222 and PostgreSQL on 127.0.0.1:5432 (database test).
set -euo pipefail
corpus=${1:?usage: bench-scaleout.sh CORPUS [WORKERS...]}
shift
counts=("${@:-1 2 4}")
[ $# -eq 0 ] && counts=(1 2 4)
bin=$(mktemp -d)/newsgraph
go build -o "$bin" ./cmd/newsgraph
pg=${NEWSGRAPH_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}
nats=${NEWSGRAPH_BENCH_NATS:-nats://127.0.0.1:4222}
for n in "${counts[@]}"; do
  tag="bench$$_$n"
  q=(--queue "$nats" --stream "NGBENCH_$tag" --subject "ngbench.$tag.articles" --dead-subject "ngbench.$tag.dead" --consumer "w_$tag")
  db="$pg&schema=ngbench_$tag"
  "$bin" ingest "${q[@]}" "$corpus" 2>&1 | tail -1
  logs=()
  start=$(date +%s.%N)
  pids=()
  for i in $(seq 1 "$n"); do
    log=$(mktemp); logs+=("$log")
    "$bin" worker "${q[@]}" --db "$db" --batch 16 --workers 1 2>"$log" &
    pids+=($!)
  done
  while :; do
    st=$("$bin" queue status "${q[@]}" --dead 0)
    backlog=$(awk '/^backlog/ {print $2}' <<<"$st"); inflight=$(awk '/^in flight/ {print $3}' <<<"$st")
    [ "$backlog" = 0 ] && [ "$inflight" = 0 ] && break
    sleep 0.2
  done
  end=$(date +%s.%N)
  kill -INT "${pids[@]}"; wait "${pids[@]}" || true
  articles=$(awk '/^published/ {print $2}' <<<"$st")
  echo "workers=$n articles=$articles seconds=$(echo "$end - $start" | bc) articles/s=$(echo "scale=1; $articles / ($end - $start)" | bc)"
  for l in "${logs[@]}"; do grep '^worker:' "$l" | sed 's/^/  /'; rm -f "$l"; done
  "$bin" queue delete "${q[@]}"
  psql -q "$pg" -c "DROP SCHEMA ngbench_$tag CASCADE" >/dev/null 2>&1 || true
done
