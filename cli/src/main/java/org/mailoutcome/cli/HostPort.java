package org.mailoutcome.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A server address as given to {@code --server}: {@code HOST:PORT}, split at the last colon.
 *
 * @param host the host name or address
 * @param port the port, as given
 */
record HostPort(String host, String port) {

    /** The picocli converter for {@code --server}. */
    static final class Converter implements ITypeConverter<HostPort> {
        @Override
        public HostPort convert(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new TypeConversionException("--server must be HOST:PORT: " + value);
            }
            return new HostPort(value.substring(0, colon), value.substring(colon + 1));
        }
    }
}
