package io.convene.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * One Keycloak install per way of starting it. Keycloak (Quarkus) builds itself for its mode and its
 * database kind into its own folder: started another way, it builds itself again (about 30 s here)
 * and overwrites what a Keycloak still running from that folder was built from. So the install the
 * build unpacked stays as unpacked, and each way — development or production mode, in memory or on
 * PostgreSQL — gets a copy of its own beside it, made on first use. An install the operator names
 * ({@code convene.keycloak.home}) is theirs, and is started as it is.
 */
final class KeycloakInstalls {

    private KeycloakInstalls() {
    }

    /** The folder to start Keycloak from: the build's install's copy for this way (made now if missing), or the operator's own install. */
    static Path forStart(Path unpacked, boolean operatorsOwn, boolean production, boolean inMemory) {
        if (operatorsOwn) {
            return unpacked;
        }
        Path copy = unpacked.resolveSibling(unpacked.getFileName() + "-" + (production ? "production" : "development")
                + "-" + (inMemory ? "memory" : "postgres"));
        if (!Files.isDirectory(copy)) {
            discardAbandonedCopies(copy);
            copy(unpacked, copy);
        }
        return copy;
    }

    /** Unfinished copies of a launcher that is gone (killed while copying): another launcher's still at work stays. */
    private static void discardAbandonedCopies(Path copy) {
        String prefix = copy.getFileName() + ".partial-";
        try (Stream<Path> siblings = Files.list(copy.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> !Children.running(p.getFileName().toString().substring(prefix.length())))
                    .forEach(KeycloakInstalls::discard);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + copy.getParent(), e);
        }
    }

    /** Copies into a folder of its own first and then renames it: a copy cut short is never started. */
    private static void copy(Path from, Path to) {
        Path partial = to.resolveSibling(to.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = partial.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) { // another launcher made it first
            discard(partial);
        } catch (IOException e) {
            discard(partial);
            throw new UncheckedIOException("Cannot copy Keycloak from " + from + " to " + to, e);
        }
    }

    private static void discard(Path partial) {
        try {
            Folders.deleteRecursively(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the unfinished copy " + partial, e);
        }
    }
}
