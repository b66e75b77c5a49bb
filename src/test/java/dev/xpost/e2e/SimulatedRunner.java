package dev.xpost.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the steps of {@code action.yml} (and of a workflow that uses it) on this machine the way GitHub's runner
 * does: each {@code run:} step as {@code bash --noprofile --norc -eo pipefail FILE} in its working directory, with
 * the {@code GITHUB_*} environment, a fresh {@code GITHUB_OUTPUT} file per step (its {@code name=value} and
 * {@code name<<EOF} lines become {@code steps.ID.outputs}), the step summary, {@code GITHUB_ACTION_PATH}, and the
 * caller's env (the secrets) passed to every step of the action. Steps after a failure are skipped unless their
 * {@code if:} says otherwise. Marketplace actions are simulated: {@code actions/setup-java} (the JDK running the
 * tests is used), {@code actions/cache/restore} and {@code /save} (a folder that outlives the runs, as GitHub's
 * cache service does), {@code actions/checkout} (the workspace is already a clone).
 *
 * <p>Expressions: only the contexts the action and the workflows xpost writes use. Anything else fails the test
 * with the expression named, so that the simulation never silently differs from what it runs.
 */
final class SimulatedRunner {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");
    private static final Pattern COMPARISON = Pattern.compile("([\\w.-]+)\\s*(==|!=)\\s*'([^']*)'");
    /** How long one step may take: a cold build on a busy 2-core machine included. */
    private static final long STEP_TIMEOUT_MINUTES = 10;

    /** The action's checkout: the runner downloads it to {@code _actions/OWNER/REPO/REF}. */
    final Path actionPath;
    /** The cache service's storage, kept across runs (each run is a fresh machine otherwise). */
    final Path cache;
    /** The ref the workflows must name the action by, such as {@code v0.1.0}. */
    final String actionRef;
    /** Repository secrets, for {@code ${{ secrets.X }}} in a workflow. */
    final Map<String, String> secrets = new HashMap<>();
    /** Called with the workspace just before the action's step of this id runs (a concurrent push, say). */
    final Map<String, Consumer<Path>> beforeStep = new HashMap<>();
    private final Path temp;
    private int runs;

    SimulatedRunner(Path actionPath, Path cache, String actionRef, Path temp) {
        this.actionPath = actionPath;
        this.cache = cache;
        this.actionRef = actionRef;
        this.temp = temp;
    }

    /** One step as it ran: its id (or uses/name), exit code, and how long it took. */
    record Step(String id, int code, long millis) {
    }

    /** What a job left: its exit code (that of the failing step, 0 when green), log, summary and outputs. */
    static final class Job {
        int exitCode;
        final StringBuilder log = new StringBuilder();
        final StringBuilder summary = new StringBuilder();
        final List<Step> steps = new ArrayList<>();
        /** The action's outputs ({@code outputs:} of action.yml), of its last use. */
        Map<String, String> outputs = Map.of();
        boolean failed;

        List<String> annotations() {
            return log.toString().lines().filter(l -> l.startsWith("::error") || l.startsWith("::warning")
                    || l.startsWith("::notice")).toList();
        }

        boolean ran(String id) {
            return steps.stream().anyMatch(s -> s.id().equals(id));
        }

        Step step(String id) {
            return steps.stream().filter(s -> s.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("step " + id + " did not run:\n" + this));
        }

        @Override
        public String toString() {
            return "job exit " + exitCode + ", steps " + steps + "\n--- log\n" + log + "--- summary\n" + summary;
        }
    }

    /**
     * Runs {@code action.yml} as one step of a job, like {@code uses: xpost-cli/xpost@REF}.
     *
     * @param workspace the checkout of the blog repository ({@code GITHUB_WORKSPACE})
     * @param with      the step's {@code with:} inputs
     * @param env       the step's {@code env:} (the tokens from secrets)
     */
    Job runAction(Path workspace, Map<String, String> with, Map<String, String> env) {
        Job job = new Job();
        runAction(job, workspace, with, env);
        return job;
    }

    /** Runs the one job of a workflow file in the workspace: checkout is a no-op, the xpost action runs here. */
    Job runWorkflow(Path workspace, Path workflow) {
        JsonNode doc = yaml(workflow);
        Iterator<Map.Entry<String, JsonNode>> jobs = doc.path("jobs").fields();
        Map.Entry<String, JsonNode> only = jobs.next();
        if (jobs.hasNext()) {
            throw new AssertionError(workflow + ": the simulator runs one job per workflow");
        }
        Job job = new Job();
        Map<String, String> ctx = new HashMap<>();
        for (JsonNode step : only.getValue().path("steps")) {
            if (!condition(step.path("if").asText(""), ctx, job)) {
                continue;
            }
            String uses = step.path("uses").asText("");
            if (uses.startsWith("actions/checkout@")) {
                job.steps.add(new Step(uses, 0, 0));
            } else if (uses.startsWith("xpost-cli/xpost@")) {
                String ref = uses.substring(uses.indexOf('@') + 1);
                if (!ref.equals(actionRef)) {
                    throw new AssertionError(workflow + " uses the action at " + ref + ", not " + actionRef);
                }
                runAction(job, workspace, strings(step.path("with"), ctx), strings(step.path("env"), ctx));
            } else {
                throw new AssertionError(workflow + ": the simulator does not run step " + step);
            }
        }
        return job;
    }

    private void runAction(Job job, Path workspace, Map<String, String> with, Map<String, String> callerEnv) {
        JsonNode action = yaml(actionPath.resolve("action.yml"));
        if (!"composite".equals(action.path("runs").path("using").asText())) {
            throw new AssertionError("action.yml is not a composite action");
        }
        Map<String, String> ctx = new HashMap<>();
        action.path("inputs").fields().forEachRemaining(e -> ctx.put("inputs." + e.getKey(),
                e.getValue().path("default").asText("")));
        for (Map.Entry<String, String> w : with.entrySet()) {
            if (!ctx.containsKey("inputs." + w.getKey())) {
                throw new AssertionError("the action has no input " + w.getKey());
            }
            ctx.put("inputs." + w.getKey(), w.getValue());
        }
        int run = ++runs;
        Path runnerTemp = dir(temp.resolve("runner-temp-" + run));
        ctx.put("github.action_path", actionPath.toString());
        ctx.put("github.workspace", workspace.toString());
        ctx.put("runner.os", "Linux");
        ctx.put("runner.temp", runnerTemp.toString());

        for (JsonNode step : action.path("runs").path("steps")) {
            String id = step.path("id").asText(step.path("uses").asText("step"));
            if (!condition(step.path("if").asText(""), ctx, job)) {
                continue;
            }
            beforeStep.getOrDefault(id, w -> { }).accept(workspace);
            long start = System.nanoTime();
            int code;
            if (step.has("uses")) {
                code = uses(step, id, ctx, job);
            } else {
                code = script(step, id, ctx, job, workspace, runnerTemp, callerEnv);
            }
            job.steps.add(new Step(id, code, (System.nanoTime() - start) / 1_000_000));
            if (code != 0 && !job.failed) {
                job.failed = true;
                job.exitCode = code;
            }
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        action.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(),
                evaluate(e.getValue().path("value").asText(), ctx)));
        job.outputs = outputs;
    }

    private int uses(JsonNode step, String id, Map<String, String> ctx, Job job) {
        String uses = step.path("uses").asText();
        Map<String, String> with = strings(step.path("with"), ctx);
        if (uses.startsWith("actions/setup-java@")) {
            if (!"temurin".equals(with.get("distribution")) || with.get("java-version").isBlank()) {
                throw new AssertionError("setup-java needs a distribution and a version: " + with);
            }
            job.log.append("[setup-java] Java ").append(Runtime.version().feature()).append(" (asked for ")
                    .append(with.get("java-version")).append(")\n");
            return 0;
        }
        if (uses.startsWith("actions/cache/restore@") || uses.startsWith("actions/cache/save@")) {
            Path path = Path.of(with.get("path"));
            String key = with.get("key");
            if (key == null || key.isBlank() || key.endsWith("-")) {
                throw new AssertionError("an empty cache key part in " + key);
            }
            Path stored = cache.resolve(key).resolve(path.getFileName());
            try {
                if (uses.startsWith("actions/cache/restore@")) {
                    boolean hit = Files.isRegularFile(stored);
                    if (hit) {
                        Files.createDirectories(path.getParent());
                        Files.copy(stored, path, StandardCopyOption.REPLACE_EXISTING);
                    }
                    ctx.put("steps." + id + ".outputs.cache-hit", Boolean.toString(hit));
                    job.log.append("[cache] ").append(hit ? "restored " : "no cache for ").append(key).append('\n');
                } else if (Files.isRegularFile(path) && !Files.exists(stored)) {
                    Files.createDirectories(stored.getParent());
                    Files.copy(path, stored);
                    job.log.append("[cache] saved ").append(key).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
        throw new AssertionError("the simulator does not know the action " + uses);
    }

    private int script(JsonNode step, String id, Map<String, String> ctx, Job job, Path workspace, Path runnerTemp,
            Map<String, String> callerEnv) {
        if (!"bash".equals(step.path("shell").asText())) {
            throw new AssertionError("a composite run step needs shell: bash (step " + id + ")");
        }
        try {
            Path stepDir = dir(runnerTemp.resolve("step-" + id));
            Path script = stepDir.resolve("script.sh");
            Files.writeString(script, evaluate(step.path("run").asText(), ctx));
            Path output = Files.createFile(stepDir.resolve("output"));
            Path summary = Files.createFile(stepDir.resolve("summary"));
            Path wd = workspace.resolve(evaluate(step.path("working-directory").asText("."), ctx)).normalize();

            ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail",
                    script.toString()).directory(wd.toFile()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            // The developer's own tokens or GitHub variables must not reach the simulated job.
            env.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("RUNNER_") || k.endsWith("TOKEN")
                    || k.endsWith("SECRET") || k.startsWith("LINKEDIN_") || k.startsWith("HASHNODE_"));
            env.put("CI", "true");
            env.put("GITHUB_ACTIONS", "true");
            env.put("GITHUB_WORKSPACE", workspace.toString());
            env.put("GITHUB_ACTION_PATH", actionPath.toString());
            env.put("GITHUB_OUTPUT", output.toString());
            env.put("GITHUB_STEP_SUMMARY", summary.toString());
            env.put("GITHUB_ENV", Files.createFile(stepDir.resolve("env")).toString());
            env.put("GITHUB_REF_NAME", "main");
            env.put("GITHUB_RUN_ID", "9" + runs);
            env.put("GITHUB_REPOSITORY", "someone/blog");
            env.put("RUNNER_TEMP", runnerTemp.toString());
            env.put("RUNNER_OS", "Linux");
            env.putAll(callerEnv);
            env.putAll(strings(step.path("env"), ctx));

            Process p = pb.start();
            byte[] log = p.getInputStream().readAllBytes();
            if (!p.waitFor(STEP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("step " + id + " did not finish");
            }
            job.log.append("[").append(id).append("]\n").append(new String(log, StandardCharsets.UTF_8));
            job.summary.append(Files.readString(summary));
            readOutputs(Files.readString(output), id, ctx);
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code name=value} lines and {@code name<<DELIMITER} blocks, as GitHub reads them. */
    private static void readOutputs(String text, String id, Map<String, String> ctx) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            int eq = line.indexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).equals(delimiter); i++) {
                    value.append(value.length() == 0 ? "" : "\n").append(lines.get(i));
                }
                ctx.put("steps." + id + ".outputs." + line.substring(0, heredoc), value.toString());
            } else if (eq > 0) {
                ctx.put("steps." + id + ".outputs." + line.substring(0, eq), line.substring(eq + 1));
            } else if (!line.isBlank()) {
                throw new AssertionError("GitHub would reject the output line \"" + line + "\" of step " + id);
            }
        }
    }

    private boolean condition(String expression, Map<String, String> ctx, Job job) {
        String e = expression.strip();
        Matcher wrapped = EXPRESSION.matcher(e);
        if (wrapped.matches()) {
            e = wrapped.group(1).strip();
        }
        if (e.isEmpty() || e.equals("success()")) {
            return !job.failed;
        }
        if (e.equals("always()")) {
            return true;
        }
        if (e.equals("failure()")) {
            return job.failed;
        }
        Matcher c = COMPARISON.matcher(e);
        if (c.matches()) {
            // A bare comparison implies success() in GitHub.
            boolean equal = value(c.group(1), ctx).equals(c.group(3));
            return !job.failed && (c.group(2).equals("==") == equal);
        }
        throw new AssertionError("the simulated runner does not know the condition " + expression);
    }

    private String evaluate(String text, Map<String, String> ctx) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), ctx)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String name, Map<String, String> ctx) {
        if (name.startsWith("secrets.")) {
            return secrets.getOrDefault(name.substring("secrets.".length()), "");
        }
        if (ctx.containsKey(name)) {
            return ctx.get(name);
        }
        if (name.startsWith("steps.")) {
            return ""; // an output a step did not set is empty, as in GitHub
        }
        throw new AssertionError("the simulated runner does not know the expression ${{ " + name + " }}");
    }

    private Map<String, String> strings(JsonNode map, Map<String, String> ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        map.fields().forEachRemaining(e -> out.put(e.getKey(), evaluate(e.getValue().asText(), ctx)));
        return out;
    }

    private static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
