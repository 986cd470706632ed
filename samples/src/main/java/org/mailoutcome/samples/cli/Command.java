package org.mailoutcome.samples.cli;

import java.util.List;

/** One sub-command of the tool. */
interface Command {
    /** One line: the sub-command and its options. */
    String usage();

    /** Runs the command; returns the process exit status. */
    int run(List<String> args, Console console) throws Exception;
}
