#!/usr/bin/env bash
# Benchmark at scale: a fake Hashnode publication of N posts (default 50,000; sizes like real posts: mostly
# 2-10 KB, 1 in 100 around 50-80 KB) served over loopback by dev.xpost.bench.ScaleFakeHashnode (test classes),
# then, in an empty blog folder: `xpost import hashnode`, `xpost validate`, `xpost plan`, a `publish` with nothing
# to do, `xpost plan` again (now that every record has its source digest), once more (with the read cache that plan
# kept), one post edited and published, ten new
# posts published, and last the whole blog moved in anew: the state file removed and `publish` run, so that every
# post (each carries its cuid, as a Hashnode backup does) is found in the publication's listing and adopted, none
# created. For each: wall time, CPU time (user + system;
# steadier than wall time on a busy machine), peak memory (GNU time),
# requests (counted by the fake) and bytes written to disk (the kernel's count of the process's block writes,
# GNU time's %O × 512: post files, the state file and its temporary copies).
#   bench/scale.sh [N] [--keep]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-50000}"
work="$(mktemp -d)"
fake_pid=""
cleanup() { [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null || true; [ "${2:-}" = "--keep" ] || rm -rf "$work"; }
trap 'cleanup "$@"' EXIT
[ -x /usr/bin/time ] || { echo "bench/scale.sh needs GNU time (/usr/bin/time)" >&2; exit 1; }

"$here/xpost" --version >/dev/null   # builds the jar and the class-data archive if needed
# Maven's output only when it fails (with -q, Maven 3.8 still prints bare colour resets).
(cd "$here" && mvn -B -q test-compile && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp" \
    -Dmdep.includeScope=test) >"$work/mvn.log" 2>&1 || { cat "$work/mvn.log" >&2; exit 1; }
java -Xmx3g -cp "$here/target/test-classes:$here/target/classes:$(cat "$work/cp")" \
    dev.xpost.bench.ScaleFakeHashnode "$n" "$work/port" &
fake_pid=$!
for _ in $(seq 1 600); do [ -f "$work/port" ] && break; sleep 0.1; done
port="$(cat "$work/port")"

blog="$work/blog"
mkdir -p "$blog/config" "$blog/posts"
cat > "$blog/config/xpost.yaml" <<YAML
timezone: UTC
hashnode:
  publication: bench.hashnode.dev
  endpoint: http://127.0.0.1:$port/
YAML
export HASHNODE_TOKEN=fake-hn-token-bench
cd "$blog"
curl -s "http://127.0.0.1:$port/__counts" >/dev/null

printf '%-22s %9s %9s %9s %9s %12s %5s\n' "operation ($n posts)" "wall s" "cpu s" "peak MB" requests "MB written" \
    exit
run() {
  local label="$1"; shift
  /usr/bin/time -o "$work/time" -f '%e %U %S %M %O %x' "$here/xpost" "$@" >"$work/out" 2>"$work/err" || true
  read -r wall user sys kb blocks code < <(tail -1 "$work/time")
  read -r total _ < <(curl -s "http://127.0.0.1:$port/__counts")
  printf '%-22s %9s %9.2f %9d %9s %12.1f %5s\n' "$label" "$wall" "$(echo "$user + $sys" | bc -l)" $((kb / 1024)) \
      "$total" "$(echo "$blocks * 512 / 1048576" | bc -l)" "$code"
}
run "import hashnode" import hashnode
run "validate" validate --json
run "plan" plan
run "publish (nothing)" publish
# The no-op publish recorded each post's source digest (records made by import have none): from now on an
# untouched post is found unchanged without being rendered, and read by its front matter alone (its body is neither
# decoded nor scanned; validate still reads every body).
run "plan (sources known)" plan
# That plan read every post by its front matter and kept what it read in the local read cache (.xpost/cache/reads;
# the files are older than its 3 s racy window): this one finds each untouched post by one lstat, as a later run on
# the author's machine does. A fresh clone (CI) has no cache: its first run is the row above.
run "plan (read cache)" plan
edited="$(ls posts | sed -n '500p;$p' | head -1)"
printf '\nOne more paragraph, edited for the benchmark.\n' >> "posts/$edited"
run "publish (1 edited)" publish
for i in $(seq 1 10); do
  printf -- '---\ntitle: "Brand new post %d"\nslug: brand-new-post-%d\ntags: java\n---\n\n# New %d\n\n%s\n' \
      "$i" "$i" "$i" "$(head -c 4000 "posts/$edited" | tail -c 3000)" > "posts/brand-new-post-$i.md"
done
run "publish (10 new)" publish
# Moving in: no state at all, so every post is looked up (the publication listed once, the ten new posts by slug)
# and adopted, as the publication holds what was last published. Each adoption is a change of the state: this row
# costs what N changes cost (issue 15: it grew with changes × posts, from copying the whole state and reading every
# post for each file's slug).
rm -rf .xpost
run "publish (moving in)" publish
