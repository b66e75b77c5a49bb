package dev.xpost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigLoader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source digest's fast parts give what the plain ones give: a digest recorded by one build is compared with one
 * computed by the same build, so the hand-written time text and the shared, pre-fed SHA-256 must never make another
 * digest than {@code SHA-256(settings + "\n" + rest)} with {@link Instant#toString()}.
 */
class SourceDigestTest {
    @TempDir
    Path dir;

    @Test
    void timeTextIsInstantToStringForEveryKindOfInstant() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("2023-12-16T21:36:40Z"), Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.5Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("0999-06-01T12:00:00.100Z"), Instant.parse("1969-12-31T23:59:59.000001Z"),
                Instant.parse("2024-05-30T15:05:00Z"), Instant.parse("2024-05-30T00:00:00.120Z"),
                Instant.parse("2024-05-30T00:00:00.000120Z"), Instant.parse("2024-05-30T00:00:00.000000120Z")));
        Random random = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-70_000_000_000L, 260_000_000_000L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        for (Instant at : instants) {
            assertEquals(at.toString(), SourceDigest.instant(at), () -> "for " + at.getEpochSecond() + "s "
                    + at.getNano() + "ns");
        }
        assertEquals("null", SourceDigest.instant(null));
    }

    @Test
    void digestIsTheSha256OfTheSettingsAndTheRestOnEveryThread() throws Exception {
        Files.createDirectories(dir.resolve("posts"));
        Config config = ConfigLoader.load(null, dir);
        SourceDigest sources = new SourceDigest(config, dir);
        Field field = SourceDigest.class.getDeclaredField("settings");
        field.setAccessible(true);
        String settings = (String) field.get(sources);
        List<String> rests = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 400; i++) {
            StringBuilder rest = new StringBuilder();
            int length = random.nextInt(300);
            for (int j = 0; j < length; j++) {
                rest.append(j % 17 == 0 ? 'é' : j % 29 == 0 ? "😀" : (char) ('a' + random.nextInt(26)));
            }
            rests.add(rest.toString());
        }
        rests.add("");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit((Callable<Void>) () -> {
                    for (String rest : rests) {
                        assertEquals(plain(settings + "\n" + rest), sources.digest(rest));
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String plain(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
