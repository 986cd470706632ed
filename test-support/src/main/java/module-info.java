/**
 * mail-outcome test support (not published): free ports, short run directories, and launchers for the real
 * servers the modules' tests share (Postfix, PostgreSQL), each started from a recipe kept in this module.
 */
module org.mailoutcome.testsupport {
    requires java.sql;

    exports org.mailoutcome.testsupport;
}
