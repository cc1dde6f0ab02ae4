#!/usr/bin/env bash
# Starts the whole platform on this machine: PostgreSQL, Kafka, every service, the gateway on
# http://localhost:8080 and the demo county. No Docker: the infrastructure comes from Maven artifacts.
# Builds first when the sources changed since the last build. Ctrl-C stops everything.
# Data is kept under .local/ between runs (delete it to start afresh).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

if ! command -v java >/dev/null 2>&1; then
  echo "run.sh needs a JDK 17 or newer on the PATH (java)." >&2
  exit 1
fi

mkdir -p .local
stamp=.local/build.stamp
needs_build=false
if [ ! -f "$stamp" ] || [ ! -f embedded-infra/target/runtime.classpath ]; then
  needs_build=true
elif [ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
  needs_build=true
fi
for module in school-service indicator-service survey-service supervision-service gateway; do
  [ -d "$module" ] || continue
  [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || needs_build=true
done

if [ "$needs_build" = true ]; then
  echo "Building the platform (the first build downloads dependencies and takes a few minutes) ..."
  # what runs, nothing more: the generated province client and the system tests are built by ./mvnw verify
  ./mvnw -B -q -DskipTests package -pl '!province-client,!system-tests'
  touch "$stamp"
fi

classpath="embedded-infra/target/classes:$(cat embedded-infra/target/runtime.classpath)"
exec java -Xmx256m -Dslf4j.internal.verbosity=ERROR -cp "$classpath" io.balance.infra.LocalStack "$root"
