package dev.xpost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.platform.Platform;
import dev.xpost.post.Post;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work only for what will be sent (issue 15): a platform's body is rendered (its digest, {@link
 * Platform#fingerprint}) for rows that are created or compared, never for rows held back by {@code --max},
 * scheduled or skipped. Counted on the real platforms through a counting proxy; nothing is timed.
 */
class RenderOnlyWhatIsSentTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path dir;

    /** (platform, slug) of every fingerprint asked for. */
    private final List<String> rendered = new ArrayList<>();

    private PlatformFactory counting() {
        Adapters real = new Adapters();
        return (name, services, mode) -> {
            Platform platform = real.create(name, services, mode);
            return (Platform) Proxy.newProxyInstance(Platform.class.getClassLoader(), new Class<?>[] {Platform.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("fingerprint")) {
                            rendered.add(name + " " + ((Post) args[0]).slug());
                        }
                        try {
                            return method.invoke(platform, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }

    private void post(String slug, String date) throws IOException {
        Files.writeString(dir.resolve("posts/" + slug + ".md"), "---\ntitle: \"Post " + slug + "\"\nslug: " + slug
                + "\ndatePublished: " + date + "\ntags: java\n---\n\nThe text of " + slug + ", with **bold** words and "
                + "a [link](https://example.com).\n");
    }

    @Test
    void aPlanOf30NewPostsRendersNoneOfTheHeldOrScheduledRows() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.createDirectories(dir.resolve("posts"));
        Files.writeString(dir.resolve("config/xpost.yaml"), """
                timezone: UTC
                hashnode:
                  publication: demo.hashnode.dev
                linkedin:
                  author: urn:li:person:abc123
                """);
        for (int i = 1; i <= 30; i++) {
            post(String.format("new-%02d", i), String.format("2026-11-%02dT09:00:00Z", i % 28 + 1));
        }
        post("later-1", "2027-02-01T09:00:00Z");
        post("later-2", "2027-03-01T09:00:00Z");
        Services services = new Services(dir, Map.of(), Clock.fixed(NOW, ZoneOffset.UTC), null);

        RunReport report = new PublishUseCase(services, counting()).run(new PublishUseCase.Options(List.of(), NOW,
                List.of(), PublishUseCase.Mode.PLAN, null));

        Set<String> notSent = report.outcomes().stream().filter(o -> o.action() == PlanAction.HELD
                || o.action() == PlanAction.SCHEDULED || o.action() == PlanAction.SKIPPED)
                .map(o -> o.platform() + " " + o.slug()).collect(Collectors.toSet());
        // --max 10 counts the creates of both platforms: 5 posts go to each, 25 wait on each, 2 are scheduled.
        assertEquals(25 + 25 + 4, notSent.size(), () -> "held or scheduled: " + notSent);
        List<String> wasted = rendered.stream().filter(notSent::contains).toList();
        assertEquals(List.of(), wasted, "rendered for rows that send nothing");
        long creates = report.outcomes().stream().filter(o -> o.action() == PlanAction.CREATE).count();
        assertEquals(10, creates);
        assertTrue(rendered.size() <= creates, () -> "rendered " + rendered);
    }
}
