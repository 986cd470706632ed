package org.mailoutcome.jdbc.internal;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.mailoutcome.Backoff;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.retry.StoredMessage;

/**
 * The stored form of a {@link TaskData}: a versioned binary layout of our own (magic {@code MORT}, a version
 * number, then fields in a fixed order), never Java serialization, so a later release can read what an earlier
 * one stored. Version 1 is documented field by field in {@link #encode}; a new version adds a branch in
 * {@link #decode} and keeps the old one.
 */
public final class TaskCodec implements Serializer {
    static final int MAGIC = 0x4D4F5254;
    static final int VERSION = 1;
    private static final byte FIXED = 1;
    private static final byte EXPONENTIAL = 2;

    @Override
    public byte[] serialize(Object data) {
        return encode((TaskData) data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        return type.cast(decode(bytes));
    }

    /** v1: magic, version, sendId, round, server, sender?, messageId?, policy, recipients, MIME bytes. */
    public static byte[] encode(TaskData data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            out.writeUTF(data.sendId());
            out.writeInt(data.round());
            out.writeUTF(data.server());
            optional(out, data.message().sender());
            optional(out, data.message().messageId());
            policy(out, data.policy());
            out.writeInt(data.recipients().size());
            for (TaskData.Recipient r : data.recipients()) {
                out.writeUTF(r.address());
                out.writeUTF(r.target());
                out.writeInt(r.attempt());
            }
            byte[] mime = data.message().bytes();
            out.writeInt(mime.length);
            out.write(mime);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads any version this release knows; throws {@link IllegalArgumentException} for anything else. */
    public static TaskData decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) throw new IllegalArgumentException("not a mail-outcome retry task");
            int version = in.readUnsignedShort();
            if (version != 1) throw new IllegalArgumentException("unknown task data version " + version);
            String sendId = in.readUTF();
            int round = in.readInt();
            String server = in.readUTF();
            Optional<String> sender = optional(in);
            Optional<String> messageId = optional(in);
            RetryPolicy policy = policy(in);
            int n = in.readInt();
            List<TaskData.Recipient> recipients = new ArrayList<>(n);
            for (int i = 0; i < n; i++) recipients.add(new TaskData.Recipient(in.readUTF(), in.readUTF(), in.readInt()));
            byte[] mime = new byte[in.readInt()];
            in.readFully(mime);
            return new TaskData(sendId, round, server, new StoredMessage(mime, messageId, sender), policy, recipients);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated task data: " + e, e);
        }
    }

    private static void policy(DataOutputStream out, RetryPolicy policy) throws IOException {
        out.writeInt(policy.maxAttempts());
        if (policy.backoff() instanceof Backoff.Fixed f) {
            out.writeByte(FIXED);
            out.writeLong(f.delay().toMillis());
        } else {
            Backoff.Exponential e = (Backoff.Exponential) policy.backoff();
            out.writeByte(EXPONENTIAL);
            out.writeLong(e.initial().toMillis());
            out.writeDouble(e.multiplier());
            out.writeLong(e.max().toMillis());
        }
        out.writeDouble(policy.jitter());
        out.writeBoolean(policy.isRetryMaybeDelivered());
        List<String> names = policy.retryOn().stream().map(Class::getSimpleName).sorted().toList();
        out.writeInt(names.size());
        for (String name : names) out.writeUTF(name);
    }

    @SuppressWarnings("unchecked")
    private static RetryPolicy policy(DataInputStream in) throws IOException {
        RetryPolicy.Builder b = RetryPolicy.builder().maxAttempts(in.readInt());
        byte kind = in.readByte();
        if (kind == FIXED) {
            b.backoff(Backoff.fixed(Duration.ofMillis(in.readLong())));
        } else if (kind == EXPONENTIAL) {
            b.backoff(Backoff.exponential(Duration.ofMillis(in.readLong()), in.readDouble(),
                    Duration.ofMillis(in.readLong())));
        } else {
            throw new IllegalArgumentException("unknown backoff kind " + kind);
        }
        b.jitter(in.readDouble()).retryMaybeDelivered(in.readBoolean());
        int n = in.readInt();
        List<Class<? extends DeliveryOutcome>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) records.add(record(in.readUTF()));
        return b.retryOn(records.toArray(new Class[0])).build();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends DeliveryOutcome> record(String name) {
        return (Class<? extends DeliveryOutcome>) subtypes(DeliveryOutcome.class)
                .filter(c -> c.getSimpleName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown outcome record " + name));
    }

    /** The records and sealed interfaces below a sealed type, at any depth. */
    private static Stream<Class<?>> subtypes(Class<?> type) {
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted == null) return Stream.empty();
        return Arrays.stream(permitted).flatMap(c -> Stream.concat(Stream.of(c), subtypes(c)));
    }

    private static void optional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) out.writeUTF(value.get());
    }

    private static Optional<String> optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }
}
