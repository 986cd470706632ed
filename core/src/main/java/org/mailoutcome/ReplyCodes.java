package org.mailoutcome;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.internal.ReplyCodeTable;

/**
 * The standard meaning of SMTP reply codes: the class of the first digit (RFC 5321 section 4.2.1) and the text
 * the RFCs give the code.
 *
 * <pre>{@code
 * ReplyCodes.Meaning m = ReplyCodes.meaning(551);
 * m.codeClass();   // "5yz permanent negative completion"
 * m.text();        // Optional["User not local; please try <forward-path>"]
 * m.source();      // Optional["RFC 5321 4.2.3"]
 * }</pre>
 *
 * <p>Texts come from RFC 5321 section 4.2.3, RFC 7504 (521, 556) and RFC 4954 (235, 334, 432, 454, 530, 534, 535,
 * 538). A code they do not define, such as 547, still has a class.
 */
public final class ReplyCodes {
    private ReplyCodes() {
    }

    /**
     * The meaning of a reply code.
     *
     * @param code the reply code, 100 to 599
     * @return its class and, for a code the RFCs define, its standard text
     * @throws IllegalArgumentException if {@code code} is outside 100-599
     */
    public static Meaning meaning(int code) {
        if (code < 100 || code > 599) throw new IllegalArgumentException("code must be within 100-599: " + code);
        return new Meaning(code, ReplyCodeTable.codeClass(code), ReplyCodeTable.text(code),
                ReplyCodeTable.source(code));
    }

    /**
     * Every code that has a standard text, ascending.
     *
     * @return the codes, from 211 to 556
     */
    public static List<Integer> standardCodes() {
        return ReplyCodeTable.codes();
    }

    /**
     * What a reply code means.
     *
     * @param code the reply code, 100 to 599
     * @param codeClass the class of its first digit: {@code "2yz positive completion"},
     *     {@code "4yz transient negative completion"}, {@code "5yz permanent negative completion"} (also 1yz
     *     positive preliminary and 3yz positive intermediate)
     * @param text the standard text, e.g. {@code "Requested mail action okay, completed"}; empty for a code no RFC
     *     defines
     * @param source where the text is defined, e.g. {@code "RFC 5321 4.2.3"}; empty with the text
     */
    public record Meaning(int code, String codeClass, Optional<String> text, Optional<String> source) {
        /**
         * Checks the components.
         *
         * @param code the reply code
         * @param codeClass the class
         * @param text the standard text, or empty
         * @param source the defining document, or empty
         */
        public Meaning {
            Objects.requireNonNull(codeClass, "codeClass");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(source, "source");
        }

        /**
         * The code, its text and its class, e.g.
         * {@code "252 Cannot VRFY user, but will accept message and attempt delivery (2yz positive completion,
         * RFC 5321 4.2.3)"}; a code without a standard text gives e.g.
         * {@code "547 (5yz permanent negative completion, no standard text)"}.
         *
         * @return the description
         */
        @Override
        public String toString() {
            return code + text.map(t -> " " + t).orElse("") + " (" + codeClass + ", "
                    + source.orElse("no standard text") + ")";
        }
    }
}
