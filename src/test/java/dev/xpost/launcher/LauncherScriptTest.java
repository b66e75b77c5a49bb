package dev.xpost.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code ./xpost}, the README's first command, run by bash as a user runs it: in a copy of the
 * checkout whose {@code target/xpost.jar} is {@link LauncherProbe} (so that nothing is built and the JVM's flags and
 * arguments can be seen). Its class-data archive is made once per jar and then mapped, remade when the jar changes,
 * and a collector or heap size in XPOST_JAVA_OPTS replaces its own.
 */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("xpost");

    @TempDir
    Path checkout;
    Path jar;
    /** TMPDIR for the launcher; null: a folder in the checkout. */
    String tmpdir;

    @BeforeEach
    void copyOfTheCheckout() throws IOException {
        assumeTrue(Files.isRegularFile(SCRIPT), "the launcher script is run from the project folder");
        assumeTrue(Stream.of("/bin/bash", "/usr/bin/bash").anyMatch(p -> Files.isExecutable(Path.of(p))),
                "bash is needed to run the launcher script");
        assumeTrue(checkout.toString().matches("[a-zA-Z0-9/._~+,:=@-]+"), "the launcher makes no archive in a "
                + "folder whose path a file URL escapes (see aPathWithASpaceRunsWithoutAnArchive), as " + checkout
                + " is");
        Files.copy(SCRIPT, checkout.resolve("xpost"));
        Files.createDirectories(checkout.resolve("posts"));   // a checkout holds the sample blog: training needs it
        jar = checkout.resolve("target/xpost.jar");
        Files.createDirectories(jar.getParent());
        writeProbeJar(jar);
    }

    @Test
    void theFirstRunMakesTheArchiveOnceAndLaterRunsMapIt() throws Exception {
        Run first = launch(checkout.resolve("xpost"), "", "publish", "--dry-run", "two words");

        assertTrue(first.err.contains("preparing a faster start for this build"), first::toString);
        assertTrue(first.out.contains("arg=publish\narg=--dry-run\narg=two words\n"), first::toString);
        assertTrue(Files.isRegularFile(checkout.resolve("target/xpost.jsa")), first::toString);
        String stamp = Files.readString(checkout.resolve("target/xpost.jsa.stamp")).strip();
        assertEquals(Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() / 1000, stamp);

        Run second = launch(checkout.resolve("xpost"), LOG_PROBE_LOAD, "status");
        assertEquals("", second.err, second::toString);
        assertTrue(second.out.contains("flag=-XX:SharedArchiveFile=" + checkout.resolve("target/xpost.jsa")),
                second::toString);
        assertTrue(fromArchive(second), "the archive is mapped: " + second);
        assertEquals(stamp, Files.readString(checkout.resolve("target/xpost.jsa.stamp")).strip());
    }

    /**
     * `mvn package` rewrites the jar; the JVM would silently ignore the old archive on every run from then on, so it
     * is made again, once, and said so.
     */
    @Test
    void aChangedJarGetsANewArchive() throws Exception {
        launch(checkout.resolve("xpost"), "", "validate");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

        Run changed = launch(checkout.resolve("xpost"), "", "validate");

        assertTrue(changed.err.contains("the jar changed since its start-up archive was made"), changed::toString);
        Run after = launch(checkout.resolve("xpost"), LOG_PROBE_LOAD, "validate");
        assertTrue(fromArchive(after), "the new archive is mapped: " + after);
        assertEquals(Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() / 1000,
                Files.readString(checkout.resolve("target/xpost.jsa.stamp")).strip());
        assertEquals("", launch(checkout.resolve("xpost"), "", "validate").err);
    }

    /** A stamp made a folder by hand would swallow every new stamp and never match: it is replaced by a file. */
    @Test
    void aStampThatIsAFolderIsReplaced() throws Exception {
        Files.createDirectories(checkout.resolve("target/xpost.jsa.stamp/inside"));

        Run run = launch(checkout.resolve("xpost"), "", "validate");

        assertTrue(run.out.contains("arg=validate"), run::toString);
        assertTrue(Files.isRegularFile(checkout.resolve("target/xpost.jsa.stamp")), run::toString);
        assertEquals("", launch(checkout.resolve("xpost"), "", "validate").err);
    }

    /** Run through a link elsewhere (~/.local/bin/xpost), it finds the jar next to the real script. */
    @Test
    void aLinkToTheScriptFindsTheJar(@TempDir Path bin) throws Exception {
        Path link = Files.createSymbolicLink(bin.resolve("xpost"), checkout.resolve("xpost"));

        Run run = launch(link, "", "doctor");

        assertTrue(run.out.contains("arg=doctor"), run::toString);
        assertTrue(run.out.contains("command=" + jar.toRealPath() + " doctor\n"), run::toString);
        Files.delete(link);   // before JUnit's clean-up, which warns of a link leading out of its folder
    }

    /**
     * A collector named in XPOST_JAVA_OPTS replaces the launcher's (the JVM refuses two); a heap size there leaves out
     * the 64 MB young generation and takes the serial collector; the options come last, so they win.
     */
    @Test
    void aCollectorOrHeapSizeInXpostJavaOptsReplacesTheLaunchersOwn() throws Exception {
        List<String> plain = flags(launch(checkout.resolve("xpost"), "", "status"));
        assertTrue(plain.contains("-XX:+UseParallelGC") && plain.contains("-Xmn64m"), plain::toString);

        List<String> g1 = flags(launch(checkout.resolve("xpost"), "-Xmx64m\n\t-XX:+UseG1GC", "status"));
        assertFalse(g1.contains("-XX:+UseParallelGC") || g1.contains("-XX:+UseSerialGC"), g1::toString);
        assertTrue(g1.contains("-XX:+UseG1GC") && !g1.contains("-Xmn64m"), g1::toString);

        List<String> small = flags(launch(checkout.resolve("xpost"), "-Xmx48m", "status"));
        assertTrue(small.contains("-XX:+UseSerialGC") && !small.contains("-XX:+UseParallelGC"), small::toString);
        assertFalse(small.contains("-Xmn64m") || small.contains("-XX:SurvivorRatio=8"), small::toString);
        assertEquals("-Xmx48m", small.get(small.size() - 1), small::toString);
    }

    /** The JVM's own log of where each class came from, on stdout, after the launcher's -Xlog:disable. */
    private static final String LOG_PROBE_LOAD = "-Xlog:class+load=info:stdout";

    /** Whether the probe's class was loaded from the class-data archive (only xpost's own archive holds it). */
    private static boolean fromArchive(Run run) {
        return run.out.contains(LauncherProbe.class.getName() + " source: shared objects file");
    }

    /**
     * In a folder whose path holds a character a file URL escapes, Java 17 would load the jar's classes from the jar
     * anyway: no archive is trained (5-15 s for nothing), and xpost runs.
     */
    @Test
    void aPathWithASpaceRunsWithoutAnArchive() throws Exception {
        Path spaced = Files.createDirectories(checkout.resolve("my blog"));
        Files.copy(checkout.resolve("xpost"), spaced.resolve("xpost"));
        Files.createDirectories(spaced.resolve("posts"));
        Files.createDirectories(spaced.resolve("target"));
        Files.copy(jar, spaced.resolve("target/xpost.jar"));

        Run run = launch(spaced.resolve("xpost"), "", "validate");

        assertEquals(0, run.code, run::toString);
        assertTrue(run.out.contains("arg=validate"), run::toString);
        assertEquals("", run.err, run::toString);
        assertFalse(Files.exists(spaced.resolve("target/xpost.jsa")), run::toString);
    }

    /** No temporary folder to train in (TMPDIR gone): xpost runs without the archive, which only saves time. */
    @Test
    void anUnusableTmpdirRunsWithoutAnArchive() throws Exception {
        tmpdir = checkout.resolve("no-such-folder").toString();

        Run run = launch(checkout.resolve("xpost"), "", "validate");

        assertEquals(0, run.code, run::toString);
        assertTrue(run.out.contains("arg=validate"), run::toString);
        assertFalse(Files.exists(checkout.resolve("target/xpost.jsa")), run::toString);
    }

    private static List<String> flags(Run run) {
        assertEquals(0, run.code, run::toString);
        return run.out.lines().filter(l -> l.startsWith("flag=")).map(l -> l.substring(5)).toList();
    }

    private record Run(int code, String out, String err) {
    }

    /** Runs {@code bash script args} in the checkout, with this JVM's java first on PATH. */
    private Run launch(Path script, String javaOpts, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(checkout.toFile());
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        pb.environment().put("PATH", javaBin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        // The JVM says "Picked up …" on stderr for each of these (common on CI runners), and reads them as flags.
        for (String name : List.of("XPOST_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            pb.environment().remove(name);
        }
        // The training run's temporary folder inside this test's, so that nothing is left behind elsewhere.
        pb.environment().put("TMPDIR", tmpdir != null ? tmpdir
                : Files.createDirectories(checkout.resolve("tmp")).toString());
        if (!javaOpts.isEmpty()) {
            pb.environment().put("XPOST_JAVA_OPTS", javaOpts);
        }
        Path out = Files.createTempFile(checkout, "out", ".txt");
        Path err = Files.createTempFile(checkout, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish in 120 s");
        }
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** A runnable jar of {@link LauncherProbe} alone. */
    private static void writeProbeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
