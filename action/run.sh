#!/usr/bin/env bash
# The xpost GitHub Action's run step, in the working directory of the blog:
#   java -jar xpost.jar $XPOST_COMMAND --json $XPOST_ARGS > $RUNNER_TEMP/xpost-<command>.json
# then the report (annotations on stdout, $GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY) from that document.
# Always exits 0 when xpost ran, so that the state file is committed after every run (exit 5 and 6 included);
# the action's last step fails the job with xpost's exit code (output exit-code).
# Env: XPOST_JAR, XPOST_COMMAND (validate|plan|publish|...), XPOST_ARGS (split like a shell line, without
# expansion: quotes group words, nothing is evaluated), and the tokens (HASHNODE_TOKEN, LINKEDIN_ACCESS_TOKEN, ...).
set -uo pipefail
jar="${XPOST_JAR:?XPOST_JAR is not set}"
command="${XPOST_COMMAND:-publish}"
output="${GITHUB_OUTPUT:-/dev/null}"
tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"

# xargs splits on blanks and honours quotes, and runs nothing: an args input cannot inject a command.
args=()
if [ -n "${XPOST_ARGS:-}" ]; then
  if ! mapfile -d '' args < <(printf '%s' "$XPOST_ARGS" | xargs printf '%s\0'); then
    echo "::error title=xpost::cannot split the args input: $XPOST_ARGS" >&2
    echo "exit-code=2" >>"$output"
    exit 0
  fi
fi

# A GitHub log is not a terminal; the same JVM flags as ./xpost (a short-lived CLI starts fastest with them).
opts=(-XX:+UseParallelGC -Xmn64m -XX:SurvivorRatio=8 -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40
    -XX:TieredStopAtLevel=1 -Xss2m -Xlog:disable -Xlog:all=warning:stderr)
# As in ./xpost, where the reasons and the measurements are: transparent huge pages for the heap where the kernel
# gives them on request (its setting "madvise" or "always"), and not asked where it does not (the JVM would warn).
thp=""
read -r thp </sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || true
case "$thp" in
  *"[always]"* | *"[madvise]"*) opts+=(-XX:+UseTransparentHugePages) ;;
esac
read -ra sub <<<"$command"
json="$tmp/xpost-${command// /-}.json"
case "${sub[0]}" in
  validate | plan | publish | status)
    echo "xpost ${sub[*]} ${args[*]}"
    java "${opts[@]}" -jar "$jar" "${sub[@]}" --json "${args[@]}" >"$json"
    code=$?
    ;;
  *)
    # Commands without a result document (doctor, auth status, ...) print to the log as usual.
    : >"$json"
    java "${opts[@]}" -jar "$jar" "${sub[@]}" "${args[@]}"
    code=$?
    ;;
esac
java "${opts[@]}" -cp "$jar" dev.xpost.cli.ActionReport "${sub[*]}" "$code" "$json" \
  || echo "::warning title=xpost::the run's report could not be written (above)"
# Written last so that it is xpost's code even when the report failed.
echo "exit-code=$code" >>"$output"
exit 0
