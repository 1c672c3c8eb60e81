#!/bin/sh
# bench_studio: the studio's frame times and input lateness idle vs while the worker generates.
# usage: bench_studio.sh KINORA KINORA_CLI STORYBOARD.json SECONDS
set -eu
kinora=$1 cli=$2 board=$3 seconds=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" convert "$board" "$work/bench.kinora" >/dev/null
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$kinora" "$work/bench.kinora" --measure-frames "$seconds"
