/**
 * mail-outcome interop: starts and stops the real Postfix that the interop suite sends to, and reads its log.
 * The suite itself (the {@code *IT} classes) lives in this module's tests, which the build patches into this
 * module: it reads the adapter (and through it core and Jakarta Mail) only for them.
 */
module org.mailoutcome.interop {
    requires org.mailoutcome.jakarta;

    exports org.mailoutcome.interop;
}
