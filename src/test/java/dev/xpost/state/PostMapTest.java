package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The posts of a state as a run changes them one record at a time (issue 15: moving in a 50,000-post backup made
 * 50,000 states, each a copy of the whole map, and read every post for each file's slug). Every version must be
 * exactly the sorted map the old copies made, and {@link State#slugOf} the first slug in order of a linear scan.
 */
class PostMapTest {
    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    /** The old {@link State#slugOf}: every post read in slug order, the first of this file. */
    private static Optional<String> scan(Map<String, PostEntry> posts, String file) {
        return posts.entrySet().stream().filter(e -> file.equals(e.getValue().file())).map(Map.Entry::getKey)
                .findFirst();
    }

    private static PlatformRecord record(int n) {
        return PlatformRecord.published("id-" + n, "https://blog.example/p" + n, "h" + n, AT);
    }

    @Test
    void randomChangesGiveTheMapsAndSlugsOfWholeCopies() {
        Random random = new Random(15);
        for (int round = 0; round < 20; round++) {
            int startSize = round * round * 10;   // 0 to 3,610 posts: folds happen at 64, then at √n
            TreeMap<String, PostEntry> model = new TreeMap<>();
            for (int i = 0; i < startSize; i++) {
                model.put("post-" + i, new PostEntry("posts/" + random.nextInt(startSize + 1) + ".md", null)
                        .with("posts/" + i + ".md", "hashnode", record(i)));
            }
            State state = State.empty().withRecords(List.of());
            List<State.Change> initial = new ArrayList<>();
            model.forEach((slug, e) -> initial.add(new State.Change(slug, e.file(), "hashnode",
                    e.platforms().get("hashnode"))));
            state = state.withRecords(initial);
            List<State> versions = new ArrayList<>();
            List<TreeMap<String, PostEntry>> expected = new ArrayList<>();
            for (int step = 0; step < 400; step++) {
                int n = random.nextInt(startSize + 200);
                String slug = "post-" + n;
                // Files shared by several slugs, so that the first in slug order is what decides.
                String file = "posts/" + random.nextInt(startSize / 2 + 50) + ".md";
                switch (random.nextInt(4)) {
                    case 0, 1 -> {
                        state = state.withRecord(slug, file, "hashnode", record(step));
                        PostEntry was = model.get(slug);
                        model.put(slug, (was == null ? new PostEntry(file, null) : was)
                                .with(file, "hashnode", record(step)));
                    }
                    case 2 -> {
                        state = state.forget(slug);
                        model.remove(slug);
                    }
                    default -> {
                        state = state.withRecord(slug, file, "linkedin", record(step)).forget(slug, "hashnode");
                        PostEntry was = model.get(slug);
                        PostEntry now = (was == null ? new PostEntry(file, null) : was)
                                .with(file, "linkedin", record(step)).without("hashnode");
                        model.put(slug, now);
                    }
                }
                for (int probe = 0; probe < 3; probe++) {
                    String asked = "posts/" + random.nextInt(startSize / 2 + 60) + ".md";
                    assertEquals(scan(model, asked), state.slugOf(asked), asked);
                }
                assertEquals(model.get(slug), state.posts().get(slug));
                assertEquals(model.containsKey(slug), state.posts().containsKey(slug));
                assertEquals(model.size(), state.posts().size());
                if (step % 50 == 0) {
                    versions.add(state);
                    expected.add(new TreeMap<>(model));
                }
            }
            assertEquals(model, state.posts());
            assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(state.posts().keySet()), "slug order");
            // Every older version is still what it was when it was made.
            for (int v = 0; v < versions.size(); v++) {
                assertEquals(expected.get(v), versions.get(v).posts(), "version " + v);
            }
        }
    }

    @Test
    void anUnchangedPostIsTheSameObjectInTheNextVersionAndWalksInOrder() {
        State state = State.empty();
        for (int i = 0; i < 300; i++) {
            state = state.withRecord(String.format("p%03d", i), "posts/" + i + ".md", "hashnode", record(i));
        }
        State next = state.withRecord("p150", "posts/moved.md", "hashnode", record(999));
        assertSame(state.posts().get("p151"), next.posts().get("p151"), "the journal compares unchanged by identity");
        assertEquals(Optional.of("p150"), next.slugOf("posts/moved.md"));
        assertEquals(Optional.empty(), next.slugOf("posts/150.md"), "the post moved away from its old file");
        assertEquals(Optional.of("p150"), state.slugOf("posts/150.md"), "the older version still has it");
        SortedMap<String, PostEntry> posts = next.posts();
        assertEquals("p000", posts.firstKey());
        assertEquals("p299", posts.lastKey());
        assertEquals(10, posts.subMap("p010", "p020").size());
        assertTrue(posts.headMap("p005").keySet().contains("p004"));
        assertEquals(State.empty().posts(), state.forget("nothing").posts().headMap("a"));
    }

    @Test
    void aStateMadeOfManyChangesWritesAndReadsBackAsTheSameFile(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) {
        State state = State.empty();
        for (int i = 0; i < 500; i++) {
            state = state.withRecord("post-" + i, "posts/" + i + ".md", "hashnode", record(i));
            if (i % 7 == 0) {
                state = state.forget("post-" + (i / 2));
            }
        }
        StateStore store = new StateStore(dir.resolve("state.json"));
        store.save(state);
        State read = store.load();
        assertEquals(state, read);
        assertEquals(state.posts(), read.posts());
        assertEquals(state.slugOf("posts/499.md"), read.slugOf("posts/499.md"));
    }
}
