package io.convene.launcher;

/** A program for {@link ClassArchiveTest} to start in a JVM of its own: it loads a few classes and ends. */
public final class ArchivedProgram {

    private ArchivedProgram() {
    }

    public static void main(String[] args) {
        System.out.println(new java.util.TreeMap<>(java.util.Map.of("loaded", ArchivedProgram.class.getName())));
    }
}
