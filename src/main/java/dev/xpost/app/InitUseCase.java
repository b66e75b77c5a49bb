package dev.xpost.app;

import dev.xpost.config.ConfigException;
import dev.xpost.http.Version;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.InitQuestion;
import dev.xpost.platform.PlatformModule;
import dev.xpost.platform.PlatformModules;
import dev.xpost.platform.hashnode.HashnodeModule;
import dev.xpost.platform.hashnode.PublicationRef;
import dev.xpost.post.Dates;
import dev.xpost.post.PostFinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code xpost init}: sets up a blog folder (the working folder) with everything xpost needs: the config, the
 * names of the secrets, a {@code .gitignore} that keeps {@code .env} out of git, one example post, and the CI
 * workflow for scheduled releases. It never overwrites a file: what is already there is listed as skipped, and
 * the rest is written. The templates ship in the jar ({@code dev/xpost/app/init/}). The workflows use the xpost
 * GitHub Action ({@code action.yml} of this repository) at the version of the xpost that writes them.
 */
public final class InitUseCase {
    /** The host written when none is given: a placeholder {@code xpost doctor} reports until it is replaced. */
    public static final String PLACEHOLDER_PUBLICATION = HashnodeModule.PLACEHOLDER_PUBLICATION;
    public static final String DEFAULT_AUTHOR = "auto";
    /** The scheduled publish workflow init writes. */
    public static final String PUBLISH_WORKFLOW = ".github/workflows/xpost-publish.yml";
    /** The pull-request check workflow init writes. */
    public static final String CHECK_WORKFLOW = ".github/workflows/xpost-check.yml";
    /** The example post's file, under {@code posts/}. */
    static final String EXAMPLE_POST = "hello-xpost.md";

    private static final Pattern AUTHOR = Pattern.compile("auto|urn:li:(person|organization):[A-Za-z0-9_-]+");

    /**
     * @param publication the Hashnode blog host or publication id; null for {@link #PLACEHOLDER_PUBLICATION}
     * @param linkedinAuthor {@code auto}, {@code urn:li:person:ID} or {@code urn:li:organization:ID}; null for auto
     * @param with           the platforms besides those of the template to set up too (each one whose module has
     *                       an {@link InitQuestion}); empty for none
     */
    public record Request(String publication, String linkedinAuthor, List<String> with) {
        public Request {
            with = with == null ? List.of() : List.copyOf(with);
        }

        public Request(String publication, String linkedinAuthor) {
            this(publication, linkedinAuthor, List.of());
        }
    }

    /**
     * The platforms {@code init} may add to a blog, with what it asks about each (a yes/no question), in
     * publishing order: each registered platform whose module has an {@link InitQuestion}.
     */
    /** The secrets of the platforms {@code with} adds (their modules' names), for the user's next steps. */
    public static List<String> secretsOf(Collection<String> with) {
        return PlatformModules.all().stream().filter(m -> with.contains(m.name()))
                .flatMap(m -> m.secretNames().stream()).toList();
    }

    public static Map<String, InitQuestion> questions() {
        Map<String, InitQuestion> out = new LinkedHashMap<>();
        for (PlatformModule m : PlatformModules.all()) {
            m.initQuestion().ifPresent(q -> out.put(m.name(), q));
        }
        return out;
    }

    /** One file not written, and why. */
    public record Skipped(Path file, String why) {
    }

    /**
     * @param written  files written, relative to the folder
     * @param skipped  files left as they were
     * @param warnings what the user should fix by hand (such as a .gitignore that does not keep .env out)
     * @param placeholder true when config/xpost.yaml names {@link #PLACEHOLDER_PUBLICATION}, to be replaced
     * @param postsHere   the Markdown files found in the folder itself (a Hashnode "Backup to GitHub" repository
     *                    keeps its posts there), which the config then reads ({@code posts: .}); 0 otherwise
     * @param envThere    true when the folder already has a {@code .env} file (no copy of .env.example to make)
     */
    public record Result(Path folder, List<Path> written, List<Skipped> skipped, List<String> warnings,
            boolean placeholder, int postsHere, boolean envThere) {
    }

    private final Services services;

    public InitUseCase(Services services) {
        this.services = services;
    }

    /**
     * Refuses a folder below one that has {@code config/xpost.yaml} (and none of its own): every command run here
     * already uses that blog. A second blog here would keep its own posts folder and state, and a post published
     * from both would be posted twice (LinkedIn cannot be asked whether it has a post). A folder with its own
     * config is a blog already (init there only adds what is missing). Called before any question is asked.
     *
     * @throws ConfigException naming the blog above (exit 2)
     */
    public void refuseInsideABlog() {
        Path folder = services.cwd();
        if (Files.isRegularFile(folder.resolve(dev.xpost.config.ConfigLoader.DEFAULT_FILE))) {
            return;
        }
        for (Path dir = folder.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(dev.xpost.config.ConfigLoader.DEFAULT_FILE))) {
                throw new ConfigException(folder + " is inside the blog at " + dir + " (it has "
                        + dev.xpost.config.ConfigLoader.DEFAULT_FILE + "), and every xpost command run here uses that "
                        + "blog: init made nothing. To start a separate blog, run init in a folder outside it");
            }
        }
    }

    public Result run(Request req) {
        String publication = blankToNull(req.publication());
        if (publication != null) {
            try {
                PublicationRef.parse(publication);
            } catch (PlatformException e) {
                throw new ConfigException("--publication \"" + publication + "\" is neither a blog host "
                        + "(myblog.hashnode.dev) nor a publication id (24 hex characters)");
            }
            publication = publication.strip().replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        }
        String author = blankToNull(req.linkedinAuthor()) == null ? DEFAULT_AUTHOR : req.linkedinAuthor().strip();
        if (!AUTHOR.matcher(author).matches()) {
            throw new ConfigException("--linkedin-author must be auto, urn:li:person:ID or urn:li:organization:ID, "
                    + "not \"" + author + "\"");
        }
        Map<String, InitQuestion> offered = questions();
        for (String w : req.with()) {
            if (!offered.containsKey(w)) {
                throw new ConfigException("--with " + w + ": init can add " + (offered.isEmpty() ? "no platform"
                        : String.join(", ", offered.keySet())) + (Platforms.known().contains(w)
                        ? " (" + w + " is always set up)" : ""));
            }
        }
        LocalDate today = LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC);
        Map<String, String> values = Map.of(
                "publication", publication == null ? PLACEHOLDER_PUBLICATION : publication,
                "author", author,
                "since", today.toString(),
                "date", Dates.toJavaScript(today.plusDays(7).atTime(9, 0).toInstant(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));

        Path folder = services.cwd();
        refuseInsideABlog();
        // A Hashnode backup keeps its posts in the repository's top folder: the config must read them there, or
        // every post of the blog would be silently left out (and an import would write them a second time).
        int postsHere = hasPosts(folder.resolve("posts")) ? 0 : postsAtTop(folder);
        String config = fill(template("xpost.yaml"), values);
        for (Map.Entry<String, InitQuestion> q : offered.entrySet()) {
            if (req.with().contains(q.getKey())) {
                config = withSection(config, q.getValue().section(today));
            }
        }
        if (postsHere > 0) {
            config = config.replace("\nposts: posts\n", "\nposts: .            # the posts are in this folder, as "
                    + "Hashnode's backup keeps them\n");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("config/xpost.yaml", config);
        files.put(".env.example", template("env.example"));
        files.put(".gitignore", template("gitignore"));
        if (postsHere == 0) {
            files.put("posts/" + EXAMPLE_POST, fill(template(EXAMPLE_POST), values));
        }
        files.put(PUBLISH_WORKFLOW, withSecrets(workflow("xpost-publish.yml"), req.with()));
        files.put(CHECK_WORKFLOW, workflow("xpost-check.yml"));

        List<Path> written = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path rel = Path.of(f.getKey());
            Path file = folder.resolve(rel);
            if (f.getKey().startsWith("posts/") && !Files.exists(file) && hasPosts(folder.resolve("posts"))) {
                skipped.add(new Skipped(rel, "posts/ already has posts"));
                continue;
            }
            if (write(file, f.getValue())) {
                written.add(rel);
            } else {
                skipped.add(new Skipped(rel, "already there"));
                if (f.getKey().equals(".gitignore") && !ignoresDotEnv(file)) {
                    warnings.add(".gitignore does not keep .env out of git: add a line `.env` (and `.xpost/*.lock`, "
                            + "`.xpost/*.tmp`) so that your tokens are never committed");
                }
            }
        }
        // What is still to do, for the next steps: an init run again in a blog that was set up since names the
        // placeholder and the copy of .env.example only when they are still to be done.
        Path configFile = Path.of("config/xpost.yaml");
        boolean placeholder = written.contains(configFile)
                ? publication == null || publication.equals(PLACEHOLDER_PUBLICATION)
                : namesThePlaceholder(folder.resolve(configFile));
        boolean envThere = Files.isRegularFile(folder.resolve(".env"));
        return new Result(folder, written, skipped, warnings, placeholder, postsHere, envThere);
    }

    /**
     * The publish workflow with the secrets of the platforms added by {@code --with} passed to the action, after
     * the template's own: without them the scheduled run would stop those platforms for want of their key.
     */
    private static String withSecrets(String workflow, List<String> with) {
        String last = "          LINKEDIN_TOKEN_EXPIRES_AT: ${{ secrets.LINKEDIN_TOKEN_EXPIRES_AT }}\n";
        StringBuilder add = new StringBuilder();
        for (String name : with) {
            PlatformModules.find(name).ifPresent(m -> m.secretNames().forEach(n -> add.append("          ")
                    .append(n).append(": ${{ secrets.").append(n).append(" }}\n")));
        }
        int at = workflow.indexOf(last);
        return at < 0 || add.isEmpty() ? workflow
                : workflow.substring(0, at + last.length()) + add + workflow.substring(at + last.length());
    }

    /** The template with a platform's section added after the last platform section (before {@code # publish:}). */
    private static String withSection(String config, String section) {
        String marker = "\n# publish:";
        int at = config.indexOf(marker);
        String text = section.endsWith("\n") ? section : section + "\n";
        return at < 0 ? config + "\n" + text : config.substring(0, at + 1) + text + "\n" + config.substring(at + 1);
    }

    /**
     * A workflow init writes ({@code xpost-publish.yml}: scheduled releases; {@code xpost-check.yml}: the
     * pull-request check), using the action of the xpost that writes it, as shipped in examples/github-actions/.
     */
    public static String workflow(String name) {
        return fill(template(name), Map.of("version", Version.get(), "ref", actionRef(Version.get())));
    }

    /**
     * The action's ref for a version: {@code v0.1.0} for a release, so that a blog keeps the xpost it was set up
     * with until its author moves it on; {@code main} for a build that is not a release (a SNAPSHOT, or no
     * version at all), which has no tag to point at.
     */
    public static String actionRef(String version) {
        return version.matches("\\d+\\.\\d+\\.\\d+") ? "v" + version : "main";
    }

    static String template(String name) {
        try (InputStream in = InitUseCase.class.getResourceAsStream("init/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the xpost jar lacks its template init/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{{" + v.getKey() + "}}", v.getValue());
        }
        return out;
    }

    /** Writes a new file; false when one is already there (never replaced, even when created a moment ago). */
    private boolean write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new ConfigException("cannot write " + Blog.relativeTo(services.cwd(), file) + ": " + e.getMessage());
        }
    }

    private static boolean hasPosts(Path posts) {
        if (!Files.isDirectory(posts)) {
            return false;
        }
        try {
            return !PostFinder.find(List.of(posts)).isEmpty();
        } catch (IOException e) {
            return true;
        }
    }

    /** The post files directly in the folder (README files left out, as everywhere). */
    private static int postsAtTop(Path folder) {
        try (var files = Files.list(folder)) {
            return (int) files.filter(f -> Files.isRegularFile(f) && PostFinder.isPost(f)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** A {@code publication:} line whose value is {@link #PLACEHOLDER_PUBLICATION} (the file is not parsed). */
    private static boolean namesThePlaceholder(Path config) {
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("\\s*publication:\\s*[\"']?"
                + java.util.regex.Pattern.quote(PLACEHOLDER_PUBLICATION) + "[\"']?\\s*(#.*)?");
        try {
            return Files.readAllLines(config, StandardCharsets.UTF_8).stream().anyMatch(l -> line.matcher(l).matches());
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;   // unreadable: doctor says what is wrong with it
        }
    }

    private static boolean ignoresDotEnv(Path gitignore) {
        try {
            return Files.readAllLines(gitignore, StandardCharsets.UTF_8).stream().map(String::strip)
                    .anyMatch(l -> l.equals(".env") || l.equals("/.env") || l.equals(".env*") || l.equals("*.env"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
