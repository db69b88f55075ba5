#!/usr/bin/env bash
# Reproducibility check: builds the committed HEAD twice, each time from a fresh clone in a
# temporary directory, with the same JDK and Maven settings, and compares the sha256 of every
# artifact the release build leaves in a module's target/ (main, -sources, -javadoc, -tests and
# shaded jars) and every dependency-reduced pom. Exits 1 and lists the differing entries of each
# jar when a hash differs.
#
#   scripts/reproducible.sh            # offline (-o), dependencies from the local repository
#   MVN_ARGS= scripts/reproducible.sh  # online
#   KEEP=1 scripts/reproducible.sh     # keep both clones for inspection
set -euo pipefail

root=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
rev=$(git -C "$root" rev-parse HEAD)
if [ -n "$(git -C "$root" status --porcelain)" ]; then
  echo "note: uncommitted changes are not built; comparing commit $rev" >&2
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/databricks4j-repro.XXXXXX")
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "clones kept in $work"; fi

java -version 2>&1 | head -1
for side in a b; do
  git clone -q --no-checkout "$root" "$work/$side"
  git -C "$work/$side" checkout -q "$rev"
  # the same Maven settings (local repository) as this checkout; .mvn is not committed
  if [ -d "$root/.mvn" ]; then cp -r "$root/.mvn" "$work/$side/"; fi
  start=$(date +%s)
  (cd "$work/$side" && mvn -B -q -ntp ${MVN_ARGS--o} -P release -DskipTests package) > "$work/$side.log" 2>&1 \
    || { echo "build $side failed; see $work/$side.log" >&2; tail -30 "$work/$side.log" >&2; KEEP=1; exit 2; }
  echo "build $side: $(( $(date +%s) - start )) s"
  (cd "$work/$side" && find . -type f \( -regex '.*/target/[^/]*\.jar' -o -name dependency-reduced-pom.xml \) \
      -not -path './.git/*' | sort | xargs sha256sum) > "$work/$side.sha256"
done

same=0; differ=0
while read -r hash file; do
  other=$(awk -v f="$file" '$2 == f { print $1 }' "$work/b.sha256")
  if [ "$hash" = "$other" ]; then
    same=$((same + 1))
  else
    differ=$((differ + 1))
    echo "DIFFERS: $file"
    if [ -n "$other" ] && [[ "$file" == *.jar ]]; then
      # per entry: CRC and size, to name what changed (diff exits 1 here; the loop goes on to the next artifact)
      diff <(unzip -v "$work/a/$file" | awk 'NR>3 {print $7, $1, $8}' | sort) \
           <(unzip -v "$work/b/$file" | awk 'NR>3 {print $7, $1, $8}' | sort) | head -20 | sed 's/^/    /' || true
    fi
  fi
done < "$work/a.sha256"
only_b=$(comm -13 <(awk '{print $2}' "$work/a.sha256") <(awk '{print $2}' "$work/b.sha256") | wc -l)
echo "artifacts compared: $((same + differ)), identical: $same, different: $differ, only in the second build: $only_b"
[ "$differ" -eq 0 ] && [ "$only_b" -eq 0 ]
