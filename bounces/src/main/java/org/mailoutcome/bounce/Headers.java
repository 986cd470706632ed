package org.mailoutcome.bounce;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Header fields of a mail, in their order, unfolded and with their values decoded (RFC 2047 encoded words,
 * UTF-8 raw values).
 *
 * @param fields the header fields in order
 */
public record Headers(List<Field> fields) {

    private static final Headers EMPTY = new Headers(List.of());

    /**
     * Copies the fields.
     *
     * @param fields the header fields in order
     */
    public Headers {
        fields = List.copyOf(fields);
    }

    /**
     * No header fields.
     *
     * @return the empty header
     */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * The value of the first field with this name, ignoring case.
     *
     * @param name the field name, e.g. {@code "Message-ID"}
     * @return the value, or empty if there is no such field
     */
    public Optional<String> first(String name) {
        Objects.requireNonNull(name, "name");
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).findFirst();
    }

    /**
     * The values of every field with this name, ignoring case, in order.
     *
     * @param name the field name
     * @return the values, possibly none
     */
    public List<String> all(String name) {
        Objects.requireNonNull(name, "name");
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    /**
     * One header field.
     *
     * @param name the field name as written
     * @param value the unfolded value, without surrounding blanks
     */
    public record Field(String name, String value) {
        /**
         * Checks the components.
         *
         * @param name the field name
         * @param value the value
         */
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}
