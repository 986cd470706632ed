package org.mailoutcome.bounce.tracking;

import java.util.Objects;

/**
 * How {@link BounceMailbox} marks a message it has ingested, so that it is not ingested again: one value per
 * choice.
 */
public sealed interface Marking {
    /** The default keyword. */
    String DEFAULT_KEYWORD = "MailOutcomeProcessed";

    /**
     * Set an IMAP keyword (a user flag) on the message; messages with it are skipped.
     *
     * @param keyword the keyword, e.g. {@value #DEFAULT_KEYWORD}
     * @return the marking
     */
    static Marking keyword(String keyword) {
        return new Keyword(keyword);
    }

    /**
     * Move the message to another folder of the same mailbox (IMAP MOVE where offered, else copy and expunge);
     * the folder is created when missing.
     *
     * @param folder the folder's full name, e.g. {@code "Processed"}
     * @return the marking
     */
    static Marking moveTo(String folder) {
        return new MoveTo(folder);
    }

    /**
     * Mark with an IMAP keyword.
     *
     * @param keyword the keyword: an IMAP atom without {@code \}
     */
    record Keyword(String keyword) implements Marking {
        /**
         * Checks the component.
         *
         * @param keyword the keyword
         * @throws IllegalArgumentException when it is not a plain IMAP atom
         */
        public Keyword {
            Objects.requireNonNull(keyword, "keyword");
            if (!keyword.matches("[A-Za-z0-9$_.-]{1,64}")) {
                throw new IllegalArgumentException("not a plain IMAP keyword: " + keyword);
            }
        }
    }

    /**
     * Move to a folder.
     *
     * @param folder the folder's full name
     */
    record MoveTo(String folder) implements Marking {
        /**
         * Checks the component.
         *
         * @param folder the folder's full name
         * @throws IllegalArgumentException when it is empty
         */
        public MoveTo {
            Objects.requireNonNull(folder, "folder");
            if (folder.isBlank()) throw new IllegalArgumentException("folder must not be blank");
        }
    }
}
