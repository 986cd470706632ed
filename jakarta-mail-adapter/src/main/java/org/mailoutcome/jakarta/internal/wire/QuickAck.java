package org.mailoutcome.jakarta.internal.wire;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketOption;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Linux {@code TCP_QUICKACK} socket option of the optional {@code jdk.net} module ({@code requires static}),
 * looked up once: a runtime image without the module, or a module graph that did not resolve it, leaves the option
 * absent and changes nothing but speed. No {@link LinkageError} leaves this class.
 */
final class QuickAck {
    private static final Optional<SocketOption<Boolean>> OPTION = lookup(() -> jdk.net.ExtendedSocketOptions.TCP_QUICKACK);

    private QuickAck() {
    }

    /** The option, if {@code lookup} finds it; a missing class or module is no option. */
    static Optional<SocketOption<Boolean>> lookup(Supplier<SocketOption<Boolean>> lookup) {
        try {
            return Optional.of(lookup.get());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The option where this runtime has it. */
    static Optional<SocketOption<Boolean>> option() {
        return OPTION;
    }

    /** Whether {@code socket} supports the option (asked once per socket by its owner). */
    static boolean isSupportedBy(Socket socket) {
        return OPTION.isPresent() && socket.supportedOptions().contains(OPTION.get());
    }

    /**
     * Asks the system to acknowledge at once what arrives next on {@code socket} (Linux clears the mode on its own,
     * so it is asked again after every group). A socket that refuses (closing) is left as it is.
     */
    static void request(Socket socket) {
        try {
            socket.setOption(OPTION.orElseThrow(), true);
        } catch (IOException | UnsupportedOperationException e) {
            // the socket is closing, or this system lacks the option after all: ACKs stay as the system delays them
        }
    }
}
