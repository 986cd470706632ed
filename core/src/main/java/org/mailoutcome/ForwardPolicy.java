package org.mailoutcome;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether the mailer resends a message to the forward path of a {@code 551} (or another moved-recipient
 * rejection). Immutable; it only decides.
 *
 * <p><b>Off by default</b> ({@link #disabled()}): RFC 5321 section 3.4 says a server that answers 551 must not
 * assume the client will redirect, and a hostile or compromised server could redirect mail to an address of its
 * choosing. Enabled only by saying so, with {@link #enabled()}: at most {@code maxHops} forwards per recipient (default 1), only
 * within the original recipient's domain unless another {@link DomainRule} is chosen, and only when the
 * {@link ForwardApproval} hook agrees. Never to an address already in the envelope (the sender included) or
 * already in the chain (a loop), never to an invalid mailbox (controls, CR/LF, blanks, over-long parts).
 */
public final class ForwardPolicy {
    private static final ForwardPolicy DISABLED = new ForwardPolicy(false, 0, DomainRule.sameDomain(),
            ForwardApproval.ALWAYS);

    private final boolean enabled;
    private final int maxHops;
    private final DomainRule domainRule;
    private final ForwardApproval approval;

    private ForwardPolicy(boolean enabled, int maxHops, DomainRule domainRule, ForwardApproval approval) {
        this.enabled = enabled;
        this.maxHops = maxHops;
        this.domainRule = domainRule;
        this.approval = approval;
    }

    /**
     * Never forward: the default.
     *
     * @return the policy
     */
    public static ForwardPolicy disabled() {
        return DISABLED;
    }

    /**
     * Enables forwarding: a builder for an enabled policy, 1 hop, same domain, no approval hook.
     *
     * <pre>{@code
     * ForwardPolicy policy = ForwardPolicy.enabled().domainRule(DomainRule.sameRegistrableDomain()).build();
     * }</pre>
     *
     * @return the builder
     */
    public static Builder enabled() {
        return new Builder();
    }

    /**
     * A builder with this policy's settings; of a {@link #disabled()} policy, the defaults of {@link #enabled()}.
     * Building it gives an enabled policy.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder().maxHops(Math.max(maxHops, 1)).domainRule(domainRule).approval(approval);
    }

    /**
     * Whether this policy ever forwards.
     *
     * @return false for {@link #disabled()}
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Decides about one forward path.
     *
     * @param original the address the server rejected
     * @param forwardPath the address it named
     * @param hop which forward this would be for the recipient, 1 for the first
     * @param chain every address already tried for this recipient, the original included
     * @param envelope the sender and every recipient of the message
     * @return follow or refuse
     */
    public ForwardDecision decide(String original, String forwardPath, int hop, Collection<String> chain,
            Collection<String> envelope) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(forwardPath, "forwardPath");
        if (!enabled) return refuse("forwarding is disabled");
        if (hop > maxHops) return refuse("hop limit reached: " + maxHops);
        if (!ForwardPath.isValidMailbox(forwardPath)) return refuse("not a valid mailbox");
        if (containsIgnoreCase(chain, forwardPath)) return refuse("loop: " + forwardPath + " was already tried");
        if (containsIgnoreCase(envelope, forwardPath)) return refuse(forwardPath + " is already in the envelope");
        if (!domainRule.allows(domainOf(original), domainOf(forwardPath))) {
            return refuse("domain " + domainOf(forwardPath) + " not allowed by " + domainRule);
        }
        if (!approval.approve(original, forwardPath)) return refuse("not approved by the application");
        return new ForwardDecision.Follow(forwardPath);
    }

    /**
     * Whether this policy would follow a forward path on a first hop, ignoring the envelope: for explanations.
     *
     * @param original the rejected address
     * @param forwardPath the named address
     * @return the decision
     */
    public ForwardDecision wouldFollow(String original, String forwardPath) {
        return decide(original, forwardPath, 1, java.util.List.of(original), java.util.List.of(original));
    }

    private static ForwardDecision refuse(String reason) {
        return new ForwardDecision.Refuse(reason);
    }

    private static boolean containsIgnoreCase(Collection<String> addresses, String address) {
        return addresses.stream().anyMatch(a -> a.equalsIgnoreCase(address));
    }

    private static String domainOf(String mailbox) {
        return mailbox.substring(mailbox.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return enabled ? "ForwardPolicy[maxHops=" + maxHops + ", " + domainRule + "]" : "ForwardPolicy[disabled]";
    }

    /** Settings of an enabled {@link ForwardPolicy}: obtained only from {@link ForwardPolicy#enabled()}. */
    public static final class Builder {
        private int maxHops = 1;
        private DomainRule domainRule = DomainRule.sameDomain();
        private ForwardApproval approval = ForwardApproval.ALWAYS;

        private Builder() {
        }

        /**
         * Forwards per recipient at most; default 1.
         *
         * @param maxHops at least 1
         * @return this builder
         */
        public Builder maxHops(int maxHops) {
            if (maxHops < 1) throw new IllegalArgumentException("maxHops must be >= 1: " + maxHops);
            this.maxHops = maxHops;
            return this;
        }

        /**
         * Which domains may be forwarded to; default {@link DomainRule#sameDomain()}.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder domainRule(DomainRule rule) {
            this.domainRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * The application's say on each forward; default approves all that pass the other rules.
         *
         * @param approval the hook
         * @return this builder
         */
        public Builder approval(ForwardApproval approval) {
            this.approval = Objects.requireNonNull(approval, "approval");
            return this;
        }

        /**
         * Builds the enabled policy.
         *
         * @return the policy
         */
        public ForwardPolicy build() {
            return new ForwardPolicy(true, maxHops, domainRule, approval);
        }
    }
}
