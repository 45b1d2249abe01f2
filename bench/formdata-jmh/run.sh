#!/usr/bin/env bash
# JMH benchmark of form data conversion (XML <-> JSON of a 1 MiB form). Run from anywhere:
#   bench/formdata-jmh/run.sh [JMH options, e.g. -f 2 -wi 10]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/../../mvnw" -q -f "$here/pom.xml" package
java -jar "$here/target/benchmarks.jar" FormConversionBenchmark "$@"
