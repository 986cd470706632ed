package org.mailoutcome.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** Mixin: {@code --from ADDRESS}, the envelope sender (and, for {@code send}, the From header). */
final class FromOption {
    @Option(names = "--from", paramLabel = "ADDRESS", description = "The sender's address.")
    String from;

    Optional<String> from() {
        return Optional.ofNullable(from);
    }
}
