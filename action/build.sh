#!/usr/bin/env bash
# The xpost GitHub Action's build step: gets target/xpost.jar in the action's own checkout ($GITHUB_ACTION_PATH),
# so the author's repository holds nothing of xpost.
#   build.sh key    writes key=<hash of pom.xml and src/main> to $GITHUB_OUTPUT: the jar's cache key. A content hash
#                   rather than github.action_ref, which is empty inside composite actions (actions/runner#2473),
#                   and hashFiles() only reads the workspace. Same sources, same jar: a new tag of unchanged code
#                   reuses the cached build.
#   build.sh        builds the jar with Maven unless the cache step restored it; writes jar=<path> to $GITHUB_OUTPUT.
set -euo pipefail
here="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
jar="$here/target/xpost.jar"
output="${GITHUB_OUTPUT:-/dev/null}"

case "${1:-build}" in
  key)
    key="$(cd "$here" && find pom.xml src/main -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum \
      | sha256sum | cut -c1-20)"
    echo "key=$key" >>"$output"
    echo "xpost: build key $key"
    ;;
  build)
    if [ -f "$jar" ]; then
      echo "xpost: using the cached build ($jar)"
    else
      echo "xpost: building the jar (mvn -B -q -DskipTests package in $here)"
      start=$SECONDS
      (cd "$here" && mvn -B -q -DskipTests package)
      echo "xpost: built in $((SECONDS - start)) s"
    fi
    java -jar "$jar" --version
    echo "jar=$jar" >>"$output"
    ;;
  *)
    echo "usage: build.sh [key|build]" >&2
    exit 2
    ;;
esac
