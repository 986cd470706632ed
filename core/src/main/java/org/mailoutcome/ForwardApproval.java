package org.mailoutcome;

/** The application's decision on one forward, called by {@link ForwardPolicy} after its own rules pass. */
@FunctionalInterface
public interface ForwardApproval {
    /** Approves every forward that passes the policy's rules. */
    ForwardApproval ALWAYS = (original, forwardPath) -> true;

    /**
     * Whether mail for {@code original} may be resent to {@code forwardPath}.
     *
     * @param original the rejected address
     * @param forwardPath the address the server named
     * @return true to follow the forward path
     */
    boolean approve(String original, String forwardPath);
}
