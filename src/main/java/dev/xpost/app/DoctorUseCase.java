package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.config.ConfigLoader;
import dev.xpost.platform.Finding;
import dev.xpost.platform.PlatformContext;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformModules;
import dev.xpost.platform.PlatformSetup;
import dev.xpost.post.Post;
import dev.xpost.state.OpenIntent;
import dev.xpost.state.PostEntry;
import dev.xpost.state.State;
import dev.xpost.state.StateException;
import dev.xpost.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code xpost doctor}: checks, one finding each, that a blog is ready to publish: the config, every configured
 * platform's settings, secret and endpoint (each platform's package says what it checks: {@link
 * PlatformSetup#doctor}), the posts, and the state file against the posts folder. It reads only: one request per
 * platform (Hashnode's publication, LinkedIn's {@code /v2/userinfo}, dev.to's own articles), nothing written
 * anywhere.
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

        /** A platform's own finding ({@link PlatformSetup#doctor}). */
        static Check of(Finding f) {
            Trouble t = f.trouble() == null ? null : switch (f.trouble()) {
                case CONFIG -> Trouble.CONFIG;
                case AUTH -> Trouble.AUTH;
                case PLATFORM -> Trouble.PLATFORM;
            };
            return new Check(Mark.valueOf(f.mark().name()), f.name(), f.message(), f.fix(), t, f.kind());
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
        PlatformContext ctx = services.platformContext();
        for (PlatformSetup setup : Setups.of(config).values()) {
            setup.doctor(ctx).forEach(f -> out.add(Check.of(f)));
        }
        postsAndState(config, out);
        return out;
    }

    private void postsAndState(Config config, List<Check> out) {
        Blog blog;
        try {
            blog = Blog.load(config, services.cwd(), List.of(), services.knownSecretsByName());
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
        List<OpenIntent> opens = state.openIntents();
        if (!opens.isEmpty()) {
            // Asked of plan's planner, so that doctor tells what publish will really do with each open create.
            Planner planner = new Planner(config, services.clock().instant(), services.clock(), Integer.MAX_VALUE,
                    false, PlatformModules::capabilities, PlatformModules.home().orElse(null), p -> keyOf(config, p),
                    blog.everyPost());
            for (OpenIntent open : opens) {
                out.add(Check.warn("state", "`" + open.slug() + "` has an unsettled create on " + open.platform(),
                        settleAdvice(config, planner, open, posts)));
            }
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

    /**
     * What settles an open create, as publish would go about it: publish itself when it can ask the platform (it
     * looks the post up, or sends the create again within the platform's duplicate window) and has the token to;
     * the user when the platform is not configured any more or cannot be asked.
     */
    private String settleAdvice(Config config, Planner planner, OpenIntent open, List<Post> posts) {
        String name = open.platform();
        String key = open.file() != null ? open.file() : open.slug();
        Optional<dev.xpost.platform.PlatformModule> module = PlatformModules.find(name);
        String display = module.map(m -> m.capabilities().displayName()).orElse(name);
        String byHand = "look at your " + display + " posts, then run `xpost state adopt " + key + " --platform "
                + name + " --id " + module.map(m -> m.capabilities().idName()).orElse("ID") + "` (it is there) or "
                + "`xpost state forget " + key + " --platform " + name + "` (it is not; the next publish creates it)";
        if (!config.platforms().contains(name)) {
            return name + " is not configured in config/xpost.yaml, so no publish settles it: add its section "
                    + "back and run `xpost publish`, or " + byHand;
        }
        Post post = posts.stream().filter(p -> open.slug().equals(p.slug())
                || (open.file() != null && open.file().equals(keyOf(config, p)))).findFirst().orElse(null);
        if (post == null || planner.settling(open.record(), name, post).by() == Planner.SettleBy.ASK) {
            return display + " cannot be asked whether that create made a post: " + byHand;
        }
        String token = module.map(m -> m.secretNames().get(0)).orElse(null);
        if (token != null && services.secrets().get(token).isEmpty()) {
            return "set " + token + ", then run `xpost publish`: it settles it before creating anything again "
                    + "(without " + token + " publish cannot, and exits 4; plan only guesses)";
        }
        return "run `xpost publish`: it settles it before creating anything again";
    }

    private String keyOf(Config config, Post p) {
        return config.fileKey(services.cwd().resolve(p.file()));
    }
}
