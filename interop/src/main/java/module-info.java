/**
 * mail-outcome interop: starts and stops the real Postfix that the interop suite sends to, and reads its log.
 * The suite itself (the {@code *IT} classes) lives in this module's tests.
 */
module org.mailoutcome.interop {
    exports org.mailoutcome.interop;
}
