package org.mailoutcome.tracking;

import java.util.Locale;
import java.util.Objects;

/**
 * The one form in which the suppression list and the address book keep and compare addresses: trimmed, lower
 * case. Local parts are case-sensitive in RFC 5321's letter, but no mailbox provider treats them so, and a list
 * that told {@code Bob@x} from {@code bob@x} would let a suppressed address through by its spelling.
 */
public final class Addresses {
    /** The longest address kept: 64 for the local part, 1 for {@code @}, 255 for the domain. */
    public static final int MAX_LENGTH = 320;

    private Addresses() {
    }

    /**
     * The key of an address.
     *
     * @param address an addr-spec such as {@code "Bob@Example.com"}
     * @return {@code "bob@example.com"}
     * @throws IllegalArgumentException when it is empty, longer than {@value #MAX_LENGTH}, has no {@code @} or
     *     contains a blank or a control character
     */
    public static String key(String address) {
        Objects.requireNonNull(address, "address");
        String key = address.strip().toLowerCase(Locale.ROOT);
        int at = key.lastIndexOf('@');
        if (key.isEmpty() || key.length() > MAX_LENGTH || at <= 0 || at == key.length() - 1
                || key.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("not an address (local@domain, at most " + MAX_LENGTH
                    + " characters, no blanks): " + printable(address));
        }
        return key;
    }

    /** The address as an error message may show it: controls escaped, at most 100 characters. */
    private static String printable(String address) {
        StringBuilder out = new StringBuilder();
        address.chars().limit(100).forEach(c -> out.append(c < ' ' || c == 0x7f ? String.format("\\x%02x", c)
                : String.valueOf((char) c)));
        return address.length() > 100 ? out + "..." : out.toString();
    }
}
