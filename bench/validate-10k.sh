#!/usr/bin/env bash
# Benchmark: generate a blog of N posts (default 10,000; sizes like real exports: mostly 2-10 KB, 1 in 100
# around 50-80 KB) in a temporary folder, then time `xpost validate` on it, JVM start included, and
# `xpost --version`. Prints wall time and peak memory of each of 3 runs.
#   bench/validate-10k.sh [N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Any argument after N is kept: bench/validate-10k.sh 10000 --keep prints the folder and leaves it.
[ "${2:-}" = "--keep" ] && trap - EXIT

"$here/xpost" --version >/dev/null   # builds the jar and the class-data archive if needed

mkdir -p "$work/posts" "$work/config"
printf 'timezone: UTC\n' > "$work/config/xpost.yaml"
awk -v n="$n" -v dir="$work/posts" 'BEGIN {
  srand(42)
  para = "Distributed systems fail in partial ways: a request can reach the server and its answer can be lost on the way back. This paragraph stands in for the prose of a real post, with `inline code`, a [link](https://example.com/docs?id=1) and **bold** text."
  split("Sat Sun Mon Tue Wed Thu Fri", days, " "); split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", months, " ")
  for (i = 1; i <= n; i++) {
    f = sprintf("%s/post-%05d.md", dir, i)
    size = (i % 100 == 0) ? 50000 + int(rand() * 30000) : 2000 + int(rand() * 8000)
    d = 1 + (i % 28); m = 1 + (i % 12); y = 2015 + (i % 11)
    printf "---\ntitle: \"Post number %d: notes on systems, part %d\"\n", i, i % 7 > f
    printf "datePublished: %s %s %02d %d 10:%02d:00 GMT+0000 (Coordinated Universal Time)\n", days[1 + i % 7], months[m], d, y, i % 60 > f
    printf "cuid: c%024d\nslug: post-number-%d-notes-on-systems\n", i, i > f
    if (i % 3 == 0) printf "cover: https://cdn.hashnode.com/res/hashnode/image/upload/v1/%d.png\n", i > f
    printf "tags: distributed-systems, java, cloud, devops\n\n---\n\n# Post %d\n\n", i > f
    written = 0
    while (written < size) { print para "\n" > f; written += length(para) + 2
      if (written % 7 == 0) { print "```java\nSystem.out.println(\"hi\");\n```\n" > f } }
    close(f)
  }
}'
echo "generated $n posts ($(du -sh "$work/posts" | cut -f1)) in $work"

cd "$work"
if [ ! -x /usr/bin/time ]; then   # GNU time gives peak memory; without it, bash's time gives wall time only
  for i in 1 2 3; do echo "validate $n posts:"; time "$here/xpost" validate --json >/dev/null || true; done
  for i in 1 2 3; do echo "--version:"; time "$here/xpost" --version >/dev/null; done
  exit 0
fi
for i in 1 2 3; do
  /usr/bin/time -f "validate $n posts: %e s wall, %M KB peak RSS, exit %x" "$here/xpost" validate --json >/dev/null || true
done
for i in 1 2 3; do
  /usr/bin/time -f "--version: %e s wall, %M KB peak RSS" "$here/xpost" --version >/dev/null
done
