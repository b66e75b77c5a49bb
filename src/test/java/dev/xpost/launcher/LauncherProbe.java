package dev.xpost.launcher;

import java.lang.management.ManagementFactory;

/**
 * Stands in for xpost behind the launcher script in {@link LauncherScriptTest}: prints what the launcher gave the JVM
 * (its flags, whether the class-data archive was mapped) and the arguments, one per line.
 */
public final class LauncherProbe {
    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("vm.info=" + System.getProperty("java.vm.info"));
        System.out.println("command=" + System.getProperty("sun.java.command"));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            System.out.println("flag=" + flag);
        }
        for (String arg : args) {
            System.out.println("arg=" + arg);
        }
    }
}
