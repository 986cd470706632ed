package org.mailoutcome.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server's recipe (its scripts and configuration templates, packaged with this module under {@code recipes/}),
 * copied into a directory and run from there, so a launcher works the same from any module and any checkout.
 */
final class Recipe {
    private final Path dir;

    private Recipe(Path dir) {
        this.dir = dir;
    }

    /**
     * Copies the recipe's files from the class path into {@code into}.
     *
     * @param name the recipe, e.g. {@code "postfix"}
     * @param files its files
     * @param into where to copy them (created)
     */
    static Recipe copy(String name, List<String> files, Path into) {
        try {
            Files.createDirectories(into);
            for (String file : files) {
                String resource = "/recipes/" + name + "/" + file;
                try (InputStream in = Recipe.class.getResourceAsStream(resource)) {
                    if (in == null) throw new IllegalStateException("no " + resource + " on the class path");
                    Path target = into.resolve(file);
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                            file.endsWith(".sh") ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            return new Recipe(into);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the " + name + " recipe to " + into, e);
        }
    }

    /**
     * Runs a script of the recipe with bash, its output going to {@code NAME.out} beside it (a file, not a pipe:
     * a daemon the script starts must not hold a pipe of ours open).
     *
     * @param script the script, e.g. {@code "start.sh"}
     * @param timeout how long it may take
     * @param env extra environment variables
     * @param args its arguments
     * @return empty when it exited with 0; else what went wrong, with its output
     */
    Optional<String> run(String script, Duration timeout, Map<String, String> env, String... args) {
        Path output = dir.resolve(script.replace(".sh", ".out"));
        try {
            List<String> command = new ArrayList<>(List.of("bash", dir.resolve(script).toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(new File("/dev/null"));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.of(script + " did not finish within " + timeout.toSeconds() + " s: " + output(script));
            }
            int exit = process.exitValue();
            return exit == 0 ? Optional.empty() : Optional.of(script + " exited with " + exit + ": " + output(script));
        } catch (IOException e) {
            return Optional.of("cannot run " + script + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while running " + script);
        }
    }

    /**
     * What a script printed when it last ran.
     *
     * @param script the script
     * @return its output, stripped; a note when there is none
     */
    String output(String script) {
        try {
            return Files.readString(dir.resolve(script.replace(".sh", ".out")), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
