package org.mailoutcome.providers.internal;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict JSON over Gson's streaming reader: UTF-8 checked, RFC 8259 syntax only, nesting at most 64 deep, nothing
 * after the value. Gson reads without recursion, in one pass: the cost is linear in the input. Batches are read
 * element by element ({@link #stream}).
 */
public final class Json {
    /** Deeper than any provider's payload; a bound on the work of a hostile one. */
    static final int MAX_DEPTH = 64;
    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);

    private Json() {
    }

    /** A parsed document and its text. @param text the JSON text @param root its value */
    public record Doc(String text, JsonElement root) {
    }

    /** Takes a top-level array's elements one at a time. */
    @FunctionalInterface
    public interface Elements {
        /** One element, dropped by the reader once handed over. */
        void accept(JsonElement element) throws BadPayload;
    }

    /** Decodes UTF-8 (a leading byte order mark skipped) and parses. */
    public static Doc parse(byte[] body) throws BadPayload {
        String text = decode(body);
        return new Doc(text, parse(text));
    }

    /** Decodes UTF-8, refusing malformed input; a leading byte order mark is dropped. */
    public static String decode(byte[] body) throws BadPayload {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new BadPayload("not UTF-8");
        }
    }

    /** Parses one JSON value that is the whole text. */
    public static JsonElement parse(String text) throws BadPayload {
        JsonReader reader = reader(text);
        try {
            JsonElement value = ELEMENTS.read(reader);
            end(reader);
            return value;
        } catch (IOException | RuntimeException e) {
            throw new BadPayload("not JSON: " + e.getMessage());
        }
    }

    /**
     * Reads a document whose top level is an array element by element: each element is built, handed over, then
     * dropped, so a large batch never exists as one tree. Any other top-level value is returned whole instead.
     *
     * @return empty when the top level was an array (its elements were handed over), else the value
     */
    public static Optional<JsonElement> stream(String text, Elements elements) throws BadPayload {
        JsonReader reader = reader(text);
        try {
            if (reader.peek() != JsonToken.BEGIN_ARRAY) {
                JsonElement value = ELEMENTS.read(reader);
                end(reader);
                return Optional.of(value);
            }
            reader.beginArray();
            while (reader.hasNext()) elements.accept(ELEMENTS.read(reader));
            reader.endArray();
            end(reader);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new BadPayload("not JSON: " + e.getMessage());
        }
    }

    private static JsonReader reader(String text) throws BadPayload {
        if (text.isBlank()) throw new BadPayload("empty body");
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(MAX_DEPTH);
        return reader;
    }

    private static void end(JsonReader reader) throws IOException, BadPayload {
        if (reader.peek() != JsonToken.END_DOCUMENT) throw new BadPayload("not JSON: more after the value");
    }

    /** A member that is a JSON string or number, as text; absent, null, empty and other types give empty. */
    public static Optional<String> string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e instanceof JsonPrimitive p && (p.isString() || p.isNumber())) {
            String s = p.getAsString();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }
        return Optional.empty();
    }

    /** A member that is an object. */
    public static Optional<JsonObject> object(JsonObject o, String key) {
        return o.get(key) instanceof JsonObject child ? Optional.of(child) : Optional.empty();
    }

    /** The object at a path of member names. */
    public static Optional<JsonObject> path(JsonObject o, String... keys) {
        JsonObject at = o;
        for (String key : keys) {
            if (!(at.get(key) instanceof JsonObject child)) return Optional.empty();
            at = child;
        }
        return Optional.of(at);
    }

    /** A member that is an array. */
    public static Optional<JsonArray> array(JsonObject o, String key) {
        return o.get(key) instanceof JsonArray child ? Optional.of(child) : Optional.empty();
    }

    /** A member that is a JSON boolean, or the string {@code "true"}/{@code "false"}. */
    public static Optional<Boolean> bool(JsonObject o, String key) {
        if (o.get(key) instanceof JsonPrimitive p) {
            if (p.isBoolean()) return Optional.of(p.getAsBoolean());
            if (p.isString() && (p.getAsString().equals("true") || p.getAsString().equals("false"))) {
                return Optional.of(Boolean.parseBoolean(p.getAsString()));
            }
        }
        return Optional.empty();
    }

    /** A value as metadata text: a string as it is, anything else as its JSON. */
    public static String text(JsonElement e) {
        return e instanceof JsonPrimitive p && p.isString() ? p.getAsString() : e.toString();
    }
}
