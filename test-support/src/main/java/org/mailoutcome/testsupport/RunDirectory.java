package org.mailoutcome.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A fresh, short directory under {@code /var/tmp} for a server's state, removed with everything in it on
 * {@link #close()}. Short because Unix socket paths are limited to about 100 characters (Postfix and PostgreSQL
 * put sockets there), whatever the depth of the checkout; under {@code /var/tmp} because the servers run as their
 * own users ({@code postfix}, {@code postgres}), who cannot enter a checkout below a 0700 directory.
 */
public final class RunDirectory implements AutoCloseable {
    private static final Path BASE = Path.of("/var/tmp");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /**
     * Creates {@code /var/tmp/mo-NAME-XXXXXX} (six random letters and digits), readable and enterable by every user.
     *
     * @param name what runs there, a few letters, e.g. {@code "postfix"}
     * @return the new directory
     * @throws IllegalArgumentException when the name is not 1 to 12 lower-case letters or digits
     * @throws UncheckedIOException when it cannot be created
     */
    public static RunDirectory create(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9]{1,12}")) {
            throw new IllegalArgumentException("a run directory name is 1 to 12 lower-case letters or digits: " + name);
        }
        for (int attempt = 0; ; attempt++) {
            Path dir = BASE.resolve("mo-" + name + "-" + Long.toString(RANDOM.nextLong() >>> 34, 36));
            try {
                Files.createDirectory(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                return new RunDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) throw new UncheckedIOException("no fresh run directory name under " + BASE, e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a run directory under " + BASE, e);
            }
        }
    }

    /**
     * The directory.
     *
     * @return its absolute path
     */
    public Path path() {
        return path;
    }

    /**
     * Removes the directory and everything in it; does nothing when it is gone already.
     *
     * @throws UncheckedIOException when something in it cannot be removed
     */
    @Override
    public void close() {
        if (!Files.exists(path)) return;
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) throw e;
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path, e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
