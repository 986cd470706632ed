/**
 * Benchmarks of mail-outcome: the {@link org.mailoutcome.benchmarks.Throughput} harness (messages per second
 * against a real server, side by side with plain Angus Mail) and the JMH benchmarks ({@code *Benchmark}).
 *
 * <p>Nothing here is an API. Arguments are never null. The harness's clients are driven by one thread at a time,
 * except where a client says it sends on several threads; the JMH states follow JMH's own rules.
 */
package org.mailoutcome.benchmarks;
