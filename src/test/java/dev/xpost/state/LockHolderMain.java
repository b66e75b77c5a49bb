package dev.xpost.state;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A second xpost process for {@link StateLockTest}. {@code hold FILE}: takes the lock, prints {@code LOCKED},
 * and keeps it until its standard input closes or it is killed. {@code try FILE}: tries once and prints
 * {@code ACQUIRED} or the refusal.
 */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    @SuppressWarnings("try") // held only for its effect
    public static void main(String[] args) throws Exception {
        Path stateFile = Path.of(args[1]);
        try (StateLock lock = StateLock.acquire(stateFile, Duration.ZERO)) {
            if (args[0].equals("hold")) {
                System.out.println("LOCKED");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // held until the parent closes our input or kills us
                }
            } else {
                System.out.println("ACQUIRED");
            }
        } catch (StateException e) {
            System.out.println("REFUSED " + e.kind() + ": " + e.getMessage());
            System.exit(3);
        }
    }
}
