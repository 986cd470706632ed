/**
 * What the modules' tests share to start real servers on loopback: {@link org.mailoutcome.testsupport.FreePorts},
 * {@link org.mailoutcome.testsupport.RunDirectory} (short, under {@code /var/tmp}, enterable by the servers' own
 * users, removed afterwards) and the launchers {@link org.mailoutcome.testsupport.PostfixServer} and
 * {@link org.mailoutcome.testsupport.PostgresServer}, which run the recipes packaged with this module.
 *
 * <p>Nothing is null; every launcher fails with the reason (the script's output, the end of the server's log) so
 * that a suite that cannot start its server fails and says why, never skips. Launchers are safe to share between
 * the threads of one test run.
 */
package org.mailoutcome.testsupport;
