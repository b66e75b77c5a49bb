#!/usr/bin/env bash
# The xpost GitHub Action's commit step: commits the state file back to the branch after every run, including one
# that exited 5 (partly done) or 6 (outcome unknown), because the state file is what keeps the next run from
# posting twice. When another push got there first, it rebases onto it and pushes again (up to 5 times). If the
# same state file was changed on both sides (two xpost runs at once, which the workflow's concurrency group
# prevents), it does not guess: it pushes this run's commit to the branch xpost-state/<run id> so that no record
# is lost, and fails with a message saying what to merge.
# The state is two files: the state file and its journal (.xpost/state.journal, what runs recorded after each remote
# call since the state file was last written whole; on a large blog it stays between runs). Both are committed,
# and the journal's removal once a run folded it into the state file.
# Env: XPOST_STATE_FILE (default .xpost/state.json, relative to the working directory).
set -euo pipefail
state="${XPOST_STATE_FILE:-.xpost/state.json}"
journal="${state%.json}.journal"
paths=()
[ -f "$state" ] && paths+=("$state")
if [ -f "$journal" ] || git ls-files --error-unmatch -- "$journal" >/dev/null 2>&1; then
  paths+=("$journal")
fi
if [ "${#paths[@]}" -eq 0 ]; then
  echo "xpost: no $state yet: nothing to commit"
  exit 0
fi
git add -A -- "${paths[@]}"
if git diff --cached --quiet -- "${paths[@]}"; then
  echo "xpost: $state unchanged: nothing to commit"
  exit 0
fi
branch="$(git symbolic-ref --quiet --short HEAD || true)"
branch="${branch:-${GITHUB_HEAD_REF:-${GITHUB_REF_NAME:-}}}"
if [ -z "$branch" ]; then
  echo "::error title=xpost::cannot tell which branch to push $state to (detached HEAD and no GITHUB_REF_NAME)"
  exit 1
fi
# The bot identity, so that a state commit is never mistaken for the author's work.
git -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
  commit --quiet -m "xpost: record published posts" -- "${paths[@]}"

for attempt in 1 2 3 4 5; do
  if git push --quiet origin "HEAD:refs/heads/$branch"; then
    echo "xpost: $state pushed to $branch"
    exit 0
  fi
  echo "xpost: push $attempt was refused (another push got there first); rebasing onto origin/$branch"
  if ! git -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
    pull --quiet --rebase --autostash origin "$branch"; then
    git rebase --abort >/dev/null 2>&1 || true
    side="xpost-state/${GITHUB_RUN_ID:-$(date -u +%Y%m%dT%H%M%SZ)}"
    git push --quiet origin "HEAD:refs/heads/$side"
    echo "::error file=$state,title=xpost state conflict::$state changed on $branch while this run published. This run's records are on the branch $side: merge it into $branch keeping the records of both sides."
    exit 1
  fi
  sleep "$attempt"
done
echo "::error file=$state,title=xpost::could not push $state to $branch after 5 attempts"
exit 1
