package org.mailoutcome.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Mixin: {@code --format tsv|json|text}. A command that prints another default names it when it creates the mixin
 * ({@code @Mixin FormatOption format = new FormatOption(OutcomeFormat.TEXT)}); the rendering itself is
 * {@link OutcomeFormat}'s.
 */
final class FormatOption {
    @Option(names = "--format", paramLabel = "tsv|json|text", converter = Converter.class,
            completionCandidates = Names.class, description = "Output format (default: ${DEFAULT-VALUE}).")
    OutcomeFormat format;

    FormatOption() {
        this(OutcomeFormat.TSV);
    }

    FormatOption(OutcomeFormat defaultFormat) {
        this.format = defaultFormat;
    }

    OutcomeFormat format() {
        return format;
    }

    /** Format names as typed: lower case, any case accepted. */
    static final class Converter implements ITypeConverter<OutcomeFormat> {
        @Override
        public OutcomeFormat convert(String value) {
            try {
                return OutcomeFormat.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown format " + value + " (tsv, json or text)");
            }
        }
    }

    /** The completion candidates. */
    static final class Names extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Names() {
            super(List.of("tsv", "json", "text"));
        }
    }
}
