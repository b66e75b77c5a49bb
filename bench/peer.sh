#!/usr/bin/env bash
# xpost against Hashnode's own publish action ("the peer") on the same work: one fake Hashnode publication
# (dev.xpost.bench.ScaleFakeHashnode, from the test classes, over loopback), then for each size (default 50 and 500
# new posts) and each round, xpost and the peer in turn, each on a fresh blog of that many new posts of real sizes
# (mostly 2-10 KB of Markdown, one in a hundred 50-80 KB; the same files for both, only the slugs differ so that
# every run creates new posts). For each run: wall and CPU time (GNU time, process start to exit, JVM or Node start
# included), requests (reads + mutations, counted by the fake), request and answer body bytes, and the server-side
# time of each request (headers read to answer written): how many took over 40 ms, the largest, the median, the
# 99th percentile, and the longest wait for a request body (where a client's Nagle/delayed-ACK stall shows).
# Then xpost once more per size with TCP_NODELAY off (-Dxpost.http.noDelay=false), for the stall count without it,
# and (where it matters: a kept-alive connection) every post of the first size edited and published again, with
# TCP_NODELAY on and off, twice each (rows ed-on, ed-off).
#
#   bench/peer.sh [--sizes "50 500"] [--rounds 3] [--seed-posts 1000] [--no-nodelay-off]
#
# The peer is Hashnode/publish-github-action (MIT) at commit PEER_COMMIT below (package.json version 1.0.0, the
# action's v1), run as its action.yml runs it: `node dist/index.js` with the INPUT_* variables a runner sets,
# posts-directory "posts", max-files = the number of posts. Nothing of it is kept in this repository: it is read
# from $XPOST_PEER_DIR (default ~/.cache/xpost-bench/publish-github-action-PEER_COMMIT), cloned there at that commit
# when missing; when its dist/index.js is absent it is built from its src/ as its package.json says (ncc). When the
# peer cannot be had, the script says so and stops: there is no stand-in for it.
# Needs: java 17, mvn, node 18+ (its fetch), npm (only to build the peer), git (only to fetch it), curl, GNU time.
set -euo pipefail
PEER_REPO="https://github.com/Hashnode/publish-github-action.git"
PEER_COMMIT="4e7654163af12dc487df281b174d602d49e5a547"

sizes="50 500"
rounds=3
seed_posts=1000
nodelay_off=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --seed-posts) seed_posts="$2"; shift 2 ;;
    --no-nodelay-off) nodelay_off=0; shift ;;
    *) echo "usage: bench/peer.sh [--sizes \"50 500\"] [--rounds N] [--seed-posts N] [--no-nodelay-off]" >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer="${XPOST_PEER_DIR:-$HOME/.cache/xpost-bench/publish-github-action-$PEER_COMMIT}"
work="$(mktemp -d)"
fake_pid=""
cleanup() { [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
[ -x /usr/bin/time ] || { echo "bench/peer.sh needs GNU time (/usr/bin/time)" >&2; exit 1; }
command -v node >/dev/null || { echo "bench/peer.sh needs node (18 or later) to run the peer" >&2; exit 1; }

# The peer: its own dist/index.js at the pinned commit, or built from its sources at that commit.
if [ ! -f "$peer/dist/index.js" ] && [ ! -f "$peer/src/index.ts" ]; then
  echo "peer: fetching Hashnode/publish-github-action at $PEER_COMMIT into $peer" >&2
  if ! { git clone -q "$PEER_REPO" "$peer" && git -C "$peer" checkout -q "$PEER_COMMIT"; } >&2; then
    rm -rf "$peer"
    echo "bench/peer.sh: could not get Hashnode/publish-github-action at $PEER_COMMIT ($PEER_REPO); put a" \
        "checkout of that commit in \$XPOST_PEER_DIR. No peer, no comparison." >&2
    exit 3
  fi
fi
if [ ! -f "$peer/dist/index.js" ]; then
  echo "peer: building dist/index.js from its src/ (npm, ncc)" >&2
  (cd "$peer" && { [ -f package-lock.json ] && npm ci --no-audit --no-fund || npm install --no-audit --no-fund; } \
      && npx ncc build src/index.ts -o dist --license licenses.txt) >&2 \
      || { echo "bench/peer.sh: building the peer failed (above)" >&2; exit 3; }
fi

"$here/xpost" --version >/dev/null   # builds the jar and the class-data archive if needed
# Maven's output only when it fails (with -q, Maven 3.8 still prints bare colour resets).
(cd "$here" && mvn -B -q test-compile && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp" \
    -Dmdep.includeScope=test) >"$work/mvn.log" 2>&1 || { cat "$work/mvn.log" >&2; exit 1; }
# The fake answers with TCP_NODELAY itself, so that a stall it measured is the client's.
java -Dsun.net.httpserver.nodelay=true -Xmx1g \
    -cp "$here/target/test-classes:$here/target/classes:$(cat "$work/cp")" \
    dev.xpost.bench.ScaleFakeHashnode "$seed_posts" "$work/port" &
fake_pid=$!
for _ in $(seq 1 600); do [ -f "$work/port" ] && break; sleep 0.1; done
port="$(cat "$work/port")"
endpoint="http://127.0.0.1:$port/"
token=fake-hn-token-bench
curl -s "${endpoint}__stats" >/dev/null

# A blog of $2 new posts in $1 whose slugs start with $3; the same sizes and text for every blog of that size.
make_blog() {
  local dir="$1" n="$2" prefix="$3"
  mkdir -p "$dir/config" "$dir/posts"
  printf 'timezone: UTC\nhashnode:\n  publication: bench.hashnode.dev\n  endpoint: %s\n' "$endpoint" \
      >"$dir/config/xpost.yaml"
  awk -v n="$n" -v dir="$dir/posts" -v prefix="$prefix" 'BEGIN {
    srand(42)
    para = "Distributed systems fail in partial ways: a request can reach the server and its answer can be lost " \
        "on the way back. This paragraph stands in for the prose of a real post, with `inline code`, a " \
        "[link](https://example.com/docs?id=1) and **bold** text."
    for (i = 1; i <= n; i++) {
      size = (i % 100 == 0) ? 50000 + int(rand() * 30000) : 2000 + int(rand() * 8000)
      file = sprintf("%s/%s-post-%04d.md", dir, prefix, i)
      printf "---\ntitle: \"Bench post %d, %s\"\nslug: %s-post-%d\ntags: java, systems\n---\n\n# Post %d\n\n", \
          i, prefix, prefix, i, i > file
      len = 0; k = 0
      while (len < size) {
        printf "%s\n\n", para > file; len += length(para) + 2
        if (++k % 7 == 0) { printf "```java\nSystem.out.println(\"hi\");\n```\n\n" > file; len += 38 }
      }
      close(file)
    }
  }'
}

printf '%-6s %5s %5s %7s %7s %8s %5s %5s %9s %9s %6s %7s %6s %6s %8s %4s\n' tool posts round "wall s" "cpu s" \
    requests reads mut "KB sent" "KB recv" ">40ms" "max ms" "p50" "p99" "body max" exit
results="$work/results"
: >"$results"
run() {   # tool posts round [extra label]
  local tool="$1" n="$2" r="$3" label="${4:-$1}" blog code
  blog="$work/blog-$label-$n-$r"
  make_blog "$blog" "$n" "r$r-$label-$n"
  if [ "$tool" = xpost ]; then
    (cd "$blog" && HASHNODE_TOKEN="$token" /usr/bin/time -o "$work/time" -f '%e %U %S %x' \
        "$here/xpost" publish --max "$n" >"$work/out" 2>"$work/err") || true
  else
    : >"$work/summary"; : >"$work/output"   # a runner makes these files; the action fails without them
    (cd "$blog" && env GITHUB_WORKSPACE="$blog" GITHUB_EVENT_NAME=workflow_dispatch \
        GITHUB_STEP_SUMMARY="$work/summary" GITHUB_OUTPUT="$work/output" \
        "INPUT_ACCESS-TOKEN=$token" "INPUT_PUBLICATION-HOST=bench.hashnode.dev" "INPUT_POSTS-DIRECTORY=posts" \
        "INPUT_GQL-ENDPOINT=$endpoint" "INPUT_DRY-RUN=false" "INPUT_MAX-FILES=$n" \
        /usr/bin/time -o "$work/time" -f '%e %U %S %x' node "$peer/dist/index.js" >"$work/out" 2>"$work/err") \
        || true
  fi
  read -r wall user sys code < <(tail -1 "$work/time")
  read -r total reads muts bin bout over max p50 p99 body < <(curl -s "${endpoint}__stats")
  if [ "$muts" != "$n" ]; then
    echo "$label: $muts of $n posts created (exit $code); its output:" >&2
    tail -5 "$work/out" "$work/err" >&2
  fi
  printf '%-6s %5s %5s %7s %7.2f %8s %5s %5s %9.1f %9.1f %6s %7s %6s %6s %8s %4s\n' "$label" "$n" "$r" "$wall" \
      "$(echo "$user + $sys" | bc -l)" "$total" "$reads" "$muts" "$(echo "$bin / 1024" | bc -l)" \
      "$(echo "$bout / 1024" | bc -l)" "$over" "$max" "$p50" "$p99" "$body" "$code" | tee -a "$results"
  [ "$code" = 0 ] && rm -rf "$blog" || cp "$work/out" "$work/err" "$blog/" 2>/dev/null || true
}

# Not counted: the fake's own first requests (class loading, JIT) would otherwise be charged to whoever goes first.
run xpost 20 0 >/dev/null
run peer 20 0 >/dev/null
: >"$results"
for n in $sizes; do
  for r in $(seq 1 "$rounds"); do
    run xpost "$n" "$r"
    run peer "$n" "$r"
  done
done
if [ "$nodelay_off" = 1 ]; then
  for n in $sizes; do
    XPOST_JAVA_OPTS="${XPOST_JAVA_OPTS:-} -Dxpost.http.noDelay=false" run xpost "$n" 1 nagle
  done
  # Creates go out on a new connection each (Http.once), where Nagle never waits: a fresh connection's first
  # segments are ACKed at once. Updates share a kept-alive connection, where it does: so every post of a blog of the
  # first size is edited and published again, with TCP_NODELAY on and off, and the update run is measured.
  n="${sizes%% *}"
  for mode in on off on off; do
    blog="$work/blog-edit-$mode-$RANDOM"
    make_blog "$blog" "$n" "edit-$mode-$RANDOM"
    (cd "$blog" && HASHNODE_TOKEN="$token" "$here/xpost" publish --max "$n" >/dev/null 2>&1) || true
    curl -s "${endpoint}__stats" >/dev/null
    for f in "$blog"/posts/*.md; do printf '\nOne more paragraph, edited for the benchmark.\n' >>"$f"; done
    opts="${XPOST_JAVA_OPTS:-}"
    [ "$mode" = off ] && opts="$opts -Dxpost.http.noDelay=false"
    (cd "$blog" && HASHNODE_TOKEN="$token" XPOST_JAVA_OPTS="$opts" /usr/bin/time -o "$work/time" -f '%e %U %S %x' \
        "$here/xpost" publish --max "$n" >"$work/out" 2>"$work/err") || true
    read -r wall user sys code < <(tail -1 "$work/time")
    read -r total reads muts bin bout over max p50 p99 body < <(curl -s "${endpoint}__stats")
    printf '%-6s %5s %5s %7s %7.2f %8s %5s %5s %9.1f %9.1f %6s %7s %6s %6s %8s %4s\n' "ed-$mode" "$n" edit "$wall" \
        "$(echo "$user + $sys" | bc -l)" "$total" "$reads" "$muts" "$(echo "$bin / 1024" | bc -l)" \
        "$(echo "$bout / 1024" | bc -l)" "$over" "$max" "$p50" "$p99" "$body" "$code" | tee -a "$results"
    rm -rf "$blog"
  done
fi

echo
echo "median wall s (CPU s) per tool and size:"
for n in $sizes; do
  for t in xpost peer nagle ed-on ed-off; do
    line="$(awk -v t="$t" -v n="$n" '$1 == t && $2 == n { print $4, $5 }' "$results" | sort -n \
        | awk '{ w[NR] = $1; c[NR] = $2 } END { if (NR) printf "%s (%s) over %d run(s)", w[int((NR + 1) / 2)], c[int((NR + 1) / 2)], NR }')"
    [ -n "$line" ] && printf '  %-6s %5s posts: %s\n' "$t" "$n" "$line"
  done
done
echo "load: $(uptime)"
