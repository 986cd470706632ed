package org.mailoutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardPolicyTest {
    private static final List<String> ENVELOPE = List.of("sender@client.test", "a@example.com");

    private static ForwardDecision decide(ForwardPolicy policy, String to) {
        return policy.decide("a@example.com", to, 1, List.of("a@example.com"), ENVELOPE);
    }

    @Test
    void disabledByDefault() {
        assertThat(decide(ForwardPolicy.disabled(), "b@example.com"))
                .isEqualTo(new ForwardDecision.Refuse("forwarding is disabled"));
        assertThat(ForwardPolicy.disabled().isEnabled()).isFalse();
    }

    @Test
    void forwardingIsEnabledOnlyBySayingSo() {
        assertThat(ForwardPolicy.enabled().build().isEnabled()).isTrue();
        assertThat(ForwardPolicy.disabled().toBuilder().build().isEnabled()).isTrue();
        assertThat(Arrays.stream(ForwardPolicy.class.getMethods()).map(Method::getName)).doesNotContain("builder");
    }

    @Test
    void sameDomainIsFollowedAndOtherDomainsRefused() {
        ForwardPolicy policy = ForwardPolicy.enabled().build();
        assertThat(decide(policy, "b@example.com")).isEqualTo(new ForwardDecision.Follow("b@example.com"));
        assertThat(decide(policy, "b@EXAMPLE.com")).isInstanceOf(ForwardDecision.Follow.class);
        assertThat(decide(policy, "b@evil.example")).isInstanceOf(ForwardDecision.Refuse.class);
        assertThat(decide(policy, "b@mail.example.com")).isInstanceOf(ForwardDecision.Refuse.class);
    }

    @Test
    void registrableDomainAllowsSubdomainsButNotPublicSuffixNeighbours() {
        ForwardPolicy policy = ForwardPolicy.enabled().domainRule(DomainRule.sameRegistrableDomain()).build();
        assertThat(decide(policy, "b@mail.example.com")).isInstanceOf(ForwardDecision.Follow.class);
        assertThat(policy.decide("a@shop.example.co.uk", "b@example.co.uk", 1, List.of(), List.of()))
                .isInstanceOf(ForwardDecision.Follow.class);
        assertThat(policy.decide("a@example.co.uk", "b@other.co.uk", 1, List.of(), List.of()))
                .isInstanceOf(ForwardDecision.Refuse.class);
    }

    @Test
    void allowListAndAnyDomain() {
        ForwardPolicy listed = ForwardPolicy.enabled().domainRule(DomainRule.allowList(Set.of("New.Example"))).build();
        assertThat(decide(listed, "b@new.example")).isInstanceOf(ForwardDecision.Follow.class);
        assertThat(decide(listed, "b@example.com")).isInstanceOf(ForwardDecision.Refuse.class);
        ForwardPolicy any = ForwardPolicy.enabled().domainRule(DomainRule.anyDomain()).build();
        assertThat(decide(any, "b@anywhere.example")).isInstanceOf(ForwardDecision.Follow.class);
    }

    @Test
    void loopsEnvelopeAddressesTheSenderAndInvalidMailboxesAreRefused() {
        ForwardPolicy any = ForwardPolicy.enabled().domainRule(DomainRule.anyDomain()).maxHops(3).build();
        assertThat(any.decide("b@example.com", "a@example.com", 2, List.of("a@example.com", "b@example.com"), ENVELOPE))
                .isInstanceOf(ForwardDecision.Refuse.class);
        assertThat(decide(any, "sender@client.test")).isInstanceOf(ForwardDecision.Refuse.class);
        assertThat(decide(any, "b@example.com\r\nBcc: x@evil.example")).isEqualTo(
                new ForwardDecision.Refuse("not a valid mailbox"));
        assertThat(decide(any, "x".repeat(65) + "@example.com")).isInstanceOf(ForwardDecision.Refuse.class);
        assertThat(decide(any, "a@b.example, c@d.example")).isInstanceOf(ForwardDecision.Refuse.class);
    }

    @Test
    void hopLimitHolds() {
        ForwardPolicy policy = ForwardPolicy.enabled().maxHops(2).build();
        assertThat(policy.decide("c@example.com", "d@example.com", 3, List.of("a@example.com"), List.of()))
                .isEqualTo(new ForwardDecision.Refuse("hop limit reached: 2"));
        assertThatThrownBy(() -> ForwardPolicy.enabled().maxHops(0)).hasMessage("maxHops must be >= 1: 0");
    }

    @Test
    void approvalHookHasTheLastWord() {
        ForwardPolicy policy = ForwardPolicy.enabled().approval((from, to) -> to.startsWith("ok")).build();
        assertThat(decide(policy, "ok@example.com")).isInstanceOf(ForwardDecision.Follow.class);
        assertThat(decide(policy, "no@example.com")).isEqualTo(new ForwardDecision.Refuse("not approved by the application"));
    }
}
