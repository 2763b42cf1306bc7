#!/bin/bash
# Runs the end-to-end load harness (LoadBench) against the hub's fat jar. From the repository root, after
#   mvn -q -o -pl hub-server,bench/load-bench -am package -DskipTests
# Usage: bench/load-bench/run.sh [--pupils N] [--regions N] [--feed-seconds S] [--jfr] [--work DIR] ...
# On the shared development machine: /work/measure bench/load-bench/run.sh ...  (the run stops itself after 640 s).
# The run's database (WORK/postgres, about 7 GB for a national year) is deleted at the end; --keep-database keeps it
# for inspection (then delete it afterwards).
set -e
cd "$(dirname "$0")/../.."
CP="register-simulator/target/classes:hub-core/target/classes:bench/load-bench/target/classes:$(cat bench/load-bench/target/classpath.txt)"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo ' (with uncommitted changes)')"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "uptime before: $(uptime)"
timeout 640 java -Xmx6g -cp "$CP" nl.verzuimhub.bench.load.LoadBench "$@" || echo "harness exit status $?"
echo "uptime after: $(uptime)"
