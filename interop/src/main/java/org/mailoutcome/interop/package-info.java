/**
 * A Postfix on loopback for the interop suite: {@link org.mailoutcome.interop.PostfixServer} runs the recipe's
 * {@code start.sh} and {@code stop.sh}, {@link org.mailoutcome.interop.Maillog} reads and waits on what it logged.
 *
 * <p><b>Nulls:</b> no method accepts or returns {@code null}.
 *
 * <p><b>Threads:</b> a {@code PostfixServer} may be shared by the tests of one run; {@code Maillog} reads are
 * independent of each other and safe from any thread.
 */
package org.mailoutcome.interop;
