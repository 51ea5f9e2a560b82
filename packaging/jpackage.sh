#!/usr/bin/env bash
# Builds a self-contained app image (JDK 17's jpackage): target/package/Mitosis/bin/Mitosis.
# Usage: packaging/jpackage.sh [app-image|deb]   (deb needs fakeroot and dpkg-deb)
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
mvn -q -DskipTests package
rm -rf target/package target/jpackage-input
mkdir -p target/jpackage-input
cp target/mitosis.jar target/jpackage-input/
cp target/lib/*.jar target/jpackage-input/
jpackage --type "$type" --name Mitosis --app-version 0.1.0 \
  --input target/jpackage-input --main-jar mitosis.jar --main-class dev.mitosis.Main \
  --java-options "-Dai.djl.offline=true" \
  --icon packaging/mitosis.png \
  --description "Grow small, energy-efficient neural networks by neuron splitting" \
  $( [ "$type" = deb ] && echo "--linux-shortcut --linux-menu-group Science" ) \
  --dest target/package
echo "built target/package ($type)"
