package org.mailoutcome.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command talks to, so tests can run commands in-process.
 *
 * @param in standard input
 * @param out standard output
 * @param err standard error
 * @param isHeaderWanted whether TSV output starts with a header line
 */
record Console(InputStream in, PrintStream out, PrintStream err, boolean isHeaderWanted) {
    static Console system() {
        return new Console(System.in, System.out, System.err, false);
    }
}
