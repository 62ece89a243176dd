#!/usr/bin/env bash
# Benchmarks (see bench/README.md for the latest figures).
set -euo pipefail
echo "Benchmarks : voir bench/README.md"
