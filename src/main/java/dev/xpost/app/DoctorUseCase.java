package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.config.ConfigLoader;
import dev.xpost.config.Secrets;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.hashnode.HashnodeClient;
import dev.xpost.platform.linkedin.LinkedInClient;
import dev.xpost.post.Post;
import dev.xpost.state.OpenIntent;
import dev.xpost.state.PostEntry;
import dev.xpost.state.State;
import dev.xpost.state.StateException;
import dev.xpost.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code xpost doctor}: checks, one finding each, that a blog is ready to publish: the config, every configured
 * platform's token and endpoint, the posts, and the state file against the posts folder. It reads only: one
 * request per platform (Hashnode's publication, LinkedIn's {@code /v2/userinfo}), nothing written anywhere.
 *
 * <p>Whether Hashnode writes are possible is read off the publication read: Hashnode gates publication-scoped
 * reads and every write behind the same Pro plan (API.md §1, §6), so a publication that resolves can be written,
 * and a {@code FORBIDDEN} "Pro plan" answer means it cannot.
 *
 * <p>Whether LinkedIn still serves {@code linkedin.version} is judged by its age alone: the only call doctor makes,
 * {@code GET /v2/userinfo}, is unversioned and cannot answer 426, and every versioned call would need a post or
 * an upload. LinkedIn retires a version about a year after its month, so one older than
 * {@value LinkedInClient#WARN_AFTER_MONTHS} months (or in the future) fails the check ({@link
 * LinkedInClient#versionWarning}).
 */
public final class DoctorUseCase {
    /** How a check came out. */
    public enum Mark { OK, FAIL, WARN, SKIPPED }

    /** What kind of trouble a failed check is; the CLI turns it into an exit code. */
    public enum Trouble { CONFIG, AUTH, POSTS, PLATFORM }

    /**
     * One finding.
     *
     * @param name    what was checked, e.g. {@code hashnode token}
     * @param message what was found
     * @param fix     what to do, for a failure or a warning; null when the message already says it
     * @param trouble the kind of a failure; null otherwise
     * @param platformKind for a {@link Trouble#PLATFORM} failure, the platform's own kind of failure
     */
    public record Check(Mark mark, String name, String message, String fix, Trouble trouble,
            PlatformException.Kind platformKind) {
        static Check ok(String name, String message) {
            return new Check(Mark.OK, name, message, null, null, null);
        }

        static Check fail(String name, String message, String fix, Trouble trouble) {
            return new Check(Mark.FAIL, name, message, fix, trouble, null);
        }

        static Check warn(String name, String message, String fix) {
            return new Check(Mark.WARN, name, message, fix, null, null);
        }

        static Check skipped(String name, String message) {
            return new Check(Mark.SKIPPED, name, message, null, null, null);
        }

        static Check failed(String name, PlatformException e) {
            Trouble t = switch (e.kind()) {
                case AUTH -> Trouble.AUTH;
                case CONFIG, NETWORK -> Trouble.CONFIG;
                default -> Trouble.PLATFORM;
            };
            return new Check(Mark.FAIL, name, e.getMessage(), null, t, e.kind());
        }
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM", Locale.ROOT);

    private final Services services;

    public DoctorUseCase(Services services) {
        this.services = services;
    }

    public List<Check> run() {
        List<Check> out = new ArrayList<>();
        Config config;
        try {
            config = services.config();
        } catch (ConfigException e) {
            boolean noBlog = ConfigLoader.NO_BLOG.equals(e.getMessage());
            out.add(Check.fail("config", e.getMessage(), noBlog ? null : "fix config/xpost.yaml (README: "
                    + "Configuration)", Trouble.CONFIG));
            return out;
        }
        out.add(Check.ok("config", Blog.relativeTo(services.cwd(), config.file()) + " parses (blog folder "
                + config.root() + ")"));
        try {
            services.secrets();
        } catch (ConfigException e) {
            out.add(Check.fail("secrets", e.getMessage(), "fix that line of .env (NAME=value)", Trouble.CONFIG));
            return out;
        }
        if (config.platforms().isEmpty()) {
            out.add(Check.fail("platforms", "neither hashnode nor linkedin is configured (or both are "
                    + "enabled: false), so publish does nothing", "add a hashnode: or linkedin: section to "
                    + "config/xpost.yaml", Trouble.CONFIG));
        }
        PlatformProbe probe = new PlatformProbe(services);
        if (config.hashnode() != null) {
            hashnode(probe, out);
        }
        if (config.linkedin() != null) {
            linkedin(config.linkedin(), probe, out);
        }
        if (config.devto() != null) {
            // No dev.to probe yet: say so rather than imply the key was accepted.
            out.add(services.secrets().get(Secrets.DEVTO_API_KEY).isPresent()
                    ? Check.skipped("devto key", "DEVTO_API_KEY is set; not checked (xpost has no dev.to probe)")
                    : Check.fail("devto key", "DEVTO_API_KEY is not set", "create an API key at "
                            + "https://dev.to/settings/extensions and put it in .env as DEVTO_API_KEY=… (in CI: a "
                            + "repository secret)", Trouble.AUTH));
        }
        postsAndState(config, out);
        return out;
    }

    private void hashnode(PlatformProbe probe, List<Check> out) {
        PlatformProbe.HashnodeAnswer a = probe.hashnode();
        String publication = services.config().hashnode().publication();
        String endpoint = endpointShown(a.endpoint());
        if (publication.equals(InitUseCase.PLACEHOLDER_PUBLICATION)) {
            // Nothing to ask Hashnode about yet: the answer would only repeat this.
            out.add(Check.fail("hashnode publication", publication + " is the placeholder `xpost init` wrote",
                    "set hashnode.publication in config/xpost.yaml to your blog's host", Trouble.CONFIG));
            if (!services.secrets().get(Secrets.HASHNODE_TOKEN).isPresent()) {
                out.add(noHashnodeToken());
            }
            return;
        }
        if (!a.tokenSet()) {
            try {
                HashnodeClient.endpoint(a.endpoint());
                out.add(Check.skipped("hashnode endpoint", endpoint + " not asked: that needs HASHNODE_TOKEN"));
            } catch (PlatformException bad) {
                out.add(Check.failed("hashnode endpoint", bad));
            }
            out.add(noHashnodeToken());
            return;
        }
        PlatformException e = a.failure();
        if (e == null) {
            out.add(Check.ok("hashnode endpoint", endpoint + " answers GraphQL"));
            out.add(Check.ok("hashnode token", "HASHNODE_TOKEN is accepted"));
            out.add(Check.ok("hashnode publication", a.publication().host() + " resolves (id " + a.publication().id()
                    + ") and has Hashnode Pro: xpost can publish to it"));
            return;
        }
        boolean endpointProblem = e.kind() != PlatformException.Kind.AUTH
                && !(e.kind() == PlatformException.Kind.CONFIG && e.getMessage().contains("hashnode.publication"));
        if (endpointProblem) {
            out.add(Check.failed("hashnode endpoint", e));
            out.add(Check.skipped("hashnode token", "not checked: the endpoint did not answer GraphQL"));
            return;
        }
        out.add(Check.ok("hashnode endpoint", endpoint + " answers GraphQL"));
        if (HashnodeClient.isTokenProblem(e)) {
            out.add(Check.failed("hashnode token", e));
            return;
        }
        out.add(Check.ok("hashnode token", "HASHNODE_TOKEN is accepted"));
        if (HashnodeClient.isProGate(e)) {
            out.add(new Check(Mark.FAIL, "hashnode publication", publication + " needs Hashnode Pro: Hashnode "
                    + "answered FORBIDDEN \"Pro plan\", so xpost can neither read nor write it through the API",
                    "upgrade the publication to Hashnode Pro in the Hashnode dashboard", Trouble.AUTH, e.kind()));
        } else {
            out.add(Check.failed("hashnode publication", e));
        }
    }

    private static Check noHashnodeToken() {
        return Check.fail("hashnode token", "HASHNODE_TOKEN is not set", "create a personal access token at "
                + "https://hashnode.com/settings/developer and put it in .env as HASHNODE_TOKEN=… (in CI: a "
                + "repository secret)", Trouble.AUTH);
    }

    private void linkedin(Config.LinkedIn li, PlatformProbe probe, List<Check> out) {
        LocalDate today = LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC);
        Optional<String> versionProblem = LinkedInClient.versionWarning(li.version(), today);
        if (!LinkedInClient.isValidVersion(li.version())) {
            out.add(Check.fail("linkedin version", "linkedin.version \"" + li.version() + "\" is not a LinkedIn "
                    + "version", "set it in config/xpost.yaml to a recent month written YYYYMM, e.g. "
                    + LinkedInClient.DEFAULT_VERSION, Trouble.CONFIG));
        } else if (versionProblem.isPresent()) {
            out.add(new Check(Mark.FAIL, "linkedin version", versionProblem.get(), null, Trouble.CONFIG, null));
        } else {
            long age = ChronoUnit.MONTHS.between(YearMonth.parse(li.version(), MONTH), YearMonth.from(today));
            out.add(Check.ok("linkedin version", li.version() + " is " + age + (age == 1 ? " month" : " months")
                    + " old (LinkedIn serves a version for about a year; judged by age: /v2/userinfo is unversioned)"));
        }
        PlatformProbe.LinkedInAnswer a = probe.linkedin();
        if (!a.tokenSet()) {
            out.add(Check.fail("linkedin token", "LINKEDIN_ACCESS_TOKEN is not set", "run `xpost auth linkedin` (or "
                    + "put a token in .env as LINKEDIN_ACCESS_TOKEN=…; in CI, a repository secret)", Trouble.AUTH));
            return;
        }
        if (a.failure() != null) {
            out.add(Check.failed("linkedin token", a.failure()));
        } else {
            out.add(Check.ok("linkedin token", "accepted for urn:li:person:" + a.memberId()
                    + (li.author().equals("auto") ? " (the author of the posts)" : "; posts go out as " + li.author())));
        }
        PlatformProbe.Expiry expiry = probe.linkedinExpiry();
        if (!expiry.readable()) {
            out.add(Check.warn("linkedin token expiry", "LINKEDIN_TOKEN_EXPIRES_AT is not a time such as "
                    + "2027-01-25T12:00:00Z", "run `xpost auth linkedin`, which records it"));
        } else if (!expiry.known()) {
            out.add(Check.skipped("linkedin token expiry", "unknown: LINKEDIN_TOKEN_EXPIRES_AT is not set (LinkedIn "
                    + "tokens live 60 days; `xpost auth linkedin` records it)"));
        } else if (expiry.daysLeft() < 0) {
            out.add(Check.fail("linkedin token expiry", "the token expired on " + expiry.expiresAt(),
                    "run `xpost auth linkedin`", Trouble.AUTH));
        } else if (expiry.daysLeft() < PlatformProbe.RENEW_DAYS) {
            out.add(Check.warn("linkedin token expiry", expiry.daysLeft() + (expiry.daysLeft() == 1 ? " day" : " days")
                    + " left (until "
                    + expiry.expiresAt() + ")", "renew it soon with `xpost auth linkedin`"));
        } else {
            out.add(Check.ok("linkedin token expiry", expiry.daysLeft() + " days left (until " + expiry.expiresAt()
                    + ")"));
        }
    }

    private void postsAndState(Config config, List<Check> out) {
        Blog blog;
        try {
            blog = Blog.load(config, services.cwd(), List.of());
        } catch (ConfigException e) {
            out.add(Check.fail("posts", e.getMessage(), "create the folder or set `posts:` in config/xpost.yaml",
                    Trouble.CONFIG));
            return;
        }
        List<Post> posts = blog.posts();
        if (blog.errorCount() > 0) {
            long files = blog.problems().stream().filter(p -> p.isError()).map(p -> p.file()).distinct().count();
            out.add(Check.fail("posts", blog.errorCount() + (blog.errorCount() == 1 ? " error" : " errors") + " in "
                    + files + (files == 1 ? " file" : " files") + " of " + config.display(config.postsDir()),
                    "run `xpost validate` to see each one", Trouble.POSTS));
        } else {
            int n = blog.results().size();
            out.add(Check.ok("posts", n + (n == 1 ? " file in " : " files in ") + config.display(config.postsDir())
                    + ", no errors" + (blog.warningCount() == 0 ? "" : " (" + blog.warningCount()
                    + " warnings: `xpost validate` lists them)")));
        }
        String stateShown = config.display(config.stateFile());
        if (!Files.exists(config.stateFile())) {
            out.add(Check.ok("state", "no " + stateShown + " yet: nothing is recorded as published"));
            return;
        }
        State state;
        try {
            state = new StateStore(config.stateFile()).load();
        } catch (StateException e) {
            out.add(Check.fail("state", e.getMessage(), null, Trouble.CONFIG));
            return;
        }
        Map<String, Path> fileOfSlug = new HashMap<>();
        for (Post p : posts) {
            if (p.slug() != null) {
                fileOfSlug.putIfAbsent(p.slug(), services.cwd().resolve(p.file()).toAbsolutePath().normalize());
            }
        }
        int gone = 0;
        int moved = 0;
        for (Map.Entry<String, PostEntry> e : state.posts().entrySet()) {
            String slug = e.getKey();
            PostEntry entry = e.getValue();
            Path recorded = config.root().resolve(entry.file()).normalize();
            if (Files.exists(recorded)) {
                continue;
            }
            Path now = fileOfSlug.get(slug);
            String platforms = String.join(", ", entry.platforms().keySet());
            if (now != null) {
                moved++;
                out.add(Check.warn("state", "`" + slug + "` is recorded at " + entry.file() + " but is now "
                        + config.display(now), "nothing to do: the next publish records the new place"));
            } else {
                gone++;
                String first = entry.platforms().keySet().iterator().next();
                out.add(Check.fail("state", "the record of `" + slug + "` (" + platforms + ") points to "
                        + entry.file() + ", which is gone", "restore the file, or drop the record with `xpost state "
                        + "forget " + slug + " --platform " + first + "` (the remote post stays)", Trouble.CONFIG));
            }
        }
        for (OpenIntent open : state.openIntents()) {
            out.add(Check.warn("state", "`" + open.slug() + "` has an unsettled create on " + open.platform(),
                    "run `xpost publish`: it settles it before creating anything again"));
        }
        long records = state.posts().values().stream().mapToLong(p -> p.platforms().size()).sum();
        long unrecorded = posts.stream().filter(p -> p.publishable() && p.slug() != null
                && state.post(p.slug()).isEmpty() && state.slugOf(keyOf(config, p)).isEmpty()).count();
        if (gone == 0) {
            out.add(Check.ok("state", stateShown + " parses: " + records + (records == 1 ? " record" : " records")
                    + (moved == 0 ? ", every recorded file is there" : "") + (unrecorded == 0 ? ""
                    : "; " + unrecorded + " publishable " + (unrecorded == 1 ? "post is" : "posts are")
                    + " not published yet")));
        }
    }

    private String keyOf(Config config, Post p) {
        return config.fileKey(services.cwd().resolve(p.file()));
    }

    private static String endpointShown(String configured) {
        try {
            return HashnodeClient.endpoint(configured).toString();
        } catch (PlatformException e) {
            return configured;
        }
    }
}
