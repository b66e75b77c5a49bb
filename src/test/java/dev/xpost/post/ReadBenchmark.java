package dev.xpost.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Not a test: a local micro-benchmark for reading many posts (the CLI target is 10,000 posts of 2–10 KB read and
 * validated in under 2.5 s including JVM start). Run after {@code mvn -o -q test-compile} with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.xpost.post.ReadBenchmark [posts] [rounds]}
 * where cp.txt comes from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt}. For a cold
 * measurement, {@code ReadBenchmark generate DIR [posts]} writes the posts once and {@code ReadBenchmark read DIR}
 * reads them in a fresh JVM (time it with {@code time}).
 */
public final class ReadBenchmark {
    private ReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("generate")) {
            generate(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 10_000);
            return;
        }
        if (args.length >= 2 && args[0].equals("read")) {
            long start = System.nanoTime();
            List<ReadResult> results = PostFinder.find(List.of(Path.of(args[1]))).parallelStream()
                    .map(new PostReader(ZoneId.of("UTC"))::read).toList();
            System.out.printf("%d files read in %d ms (cold)%n", results.size(), (System.nanoTime() - start) / 1_000_000);
            return;
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("xpost-bench");
        try {
            generate(dir, count);
            PostReader reader = new PostReader(ZoneId.of("UTC"));
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                List<Path> files = PostFinder.find(List.of(dir));
                long found = System.nanoTime();
                List<ReadResult> results = files.parallelStream().map(reader::read).toList();
                long end = System.nanoTime();
                long titled = results.stream().filter(r -> r.post() != null && r.post().title() != null).count();
                System.out.printf("round %d: %d files, find %d ms, read %d ms, %d titled%n", round, files.size(),
                        (found - start) / 1_000_000, (end - found) / 1_000_000, titled);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void generate(Path dir, int count) throws IOException {
        Random random = new Random(42);
        String paragraph = "Markdown body text with `code`, a [link](https://example.dev) and **bold** words. ";
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder(10_240);
            text.append("---\n")
                    .append("title: \"Post number ").append(i).append(": a title with a colon\"\n")
                    .append("seoDescription: \"A description of post ").append(i).append("\"\n")
                    .append("datePublished: Sat Dec 16 2023 21:36:40 GMT+0000 (Coordinated Universal Time)\n")
                    .append("cuid: clq8x2k3l").append(String.format("%016d", i)).append('\n')
                    .append("slug: post-number-").append(i).append('\n')
                    .append("cover: https://cdn.hashnode.com/res/hashnode/image/upload/v1/cover.png\n")
                    .append("tags: java, cli, hashnode, cicd-cjy1vtdk2005kjjs17n8couc3\n")
                    .append("\n---\n\n## Heading\n\n");
            int size = 2048 + random.nextInt(8192);
            while (text.length() < size) {
                text.append(paragraph);
                if (random.nextInt(4) == 0) {
                    text.append("\n\n");
                }
            }
            Path sub = dir.resolve(String.format("%02d", i % 50));
            Files.createDirectories(sub);
            Files.writeString(sub.resolve("post-" + i + ".md"), text);
        }
    }
}
