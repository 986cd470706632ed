package org.mailoutcome.interop;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server's recipe: a directory of scripts ({@code start.sh}, {@code stop.sh}) that take a run directory as their
 * first argument. Each script's output goes to a file in the run directory, not a pipe: a daemon it starts must
 * not hold the launcher's pipe open.
 */
final class Recipe {
    private static final long SCRIPT_TIMEOUT_SECONDS = 60;

    private final String server;
    private final Path recipe;
    private final Path runDir;

    /**
     * @param server the server's name, for messages
     * @param recipe the directory holding the scripts
     * @param runDir the run directory, created when a script runs
     */
    Recipe(String server, Path recipe, Path runDir) {
        this.server = server;
        this.recipe = recipe.toAbsolutePath().normalize();
        this.runDir = runDir.toAbsolutePath().normalize();
    }

    Path recipe() {
        return recipe;
    }

    Path runDir() {
        return runDir;
    }

    /** Runs a script with the run directory and the arguments; what went wrong, if anything. */
    Optional<String> run(String name, String... args) {
        Path output = runDir.resolve(name.replace(".sh", ".out"));
        try {
            Files.createDirectories(runDir);
            List<String> command = new ArrayList<>(List.of("bash", recipe.resolve(name).toString(),
                    runDir.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(new File("/dev/null")).start();
            if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(name + " did not finish within " + SCRIPT_TIMEOUT_SECONDS + " s: " + read(output));
            }
            int exit = process.exitValue();
            return exit == 0 ? Optional.empty() : Optional.of(name + " exited with " + exit + ": " + read(output));
        } catch (IOException e) {
            return Optional.of("cannot run " + server + "'s " + name + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while running " + server + "'s " + name);
        }
    }

    private static String read(Path output) {
        try {
            return Files.readString(output, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
