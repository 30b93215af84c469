package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.telemetry.Rejection.Cause;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;

/**
 * A reading's JSON object read in one pass over its tokens: the {@code ts} member apart, and the metrics written
 * straight into the JSON that is stored. No tree is built and nothing is serialised twice (ADR 0003).
 * <p>
 * Problems are reported in the order a whole-document check would give them: not well-formed JSON first, then the
 * shape of the document, then {@code ts} (checked by the caller), then the metrics.
 */
final class ReadingBody {

    private static final int MAX_METRICS = 100;
    private static final int MAX_STRING = 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonStringEncoder QUOTER = JsonStringEncoder.getInstance();

    /** The {@code ts} member as sent: a string, an integer that fits a long, or absent (null) or something else. */
    sealed interface Timestamp permits Text, Millis, Unusable {
    }

    record Text(String value) implements Timestamp {
    }

    record Millis(long value) implements Timestamp {
    }

    record Unusable() implements Timestamp {
    }

    private final StringBuilder metrics = new StringBuilder(128);
    private Timestamp ts;
    private int count;
    private String firstProblem;

    private ReadingBody() {
    }

    /** Refused as MALFORMED when the text is not one well-formed JSON value, INVALID when it is not an object. */
    static ReadingBody read(String json) {
        ReadingBody body = new ReadingBody();
        try (JsonParser parser = FACTORY.createParser(json)) {
            body.readDocument(parser);
        } catch (JacksonException e) {
            throw new Refused(Cause.MALFORMED, "payload is not well-formed JSON: " + e.getOriginalMessage());
        }
        return body;
    }

    /** Null when {@code ts} is missing. */
    Timestamp ts() {
        return ts;
    }

    /** The metrics without {@code ts}, as a JSON object; refused as INVALID unless each metric is usable. */
    String metricsJson() {
        if (count == 0 || count > MAX_METRICS) {
            throw new Refused(Cause.INVALID, "a reading needs 1-" + MAX_METRICS + " metrics besides ts");
        }
        if (firstProblem != null) {
            throw new Refused(Cause.INVALID, firstProblem);
        }
        return metrics.append('}').toString();
    }

    private void readDocument(JsonParser parser) {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            parser.skipChildren();
            endOfInput(parser);
            throw new Refused(Cause.INVALID, "payload is not a JSON object");
        }
        metrics.append('{');
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            member(parser.currentName(), parser);
        }
        endOfInput(parser);
    }

    private static void endOfInput(JsonParser parser) {
        if (parser.nextToken() != null) {
            throw new Refused(Cause.MALFORMED, "payload is not well-formed JSON: content after the object");
        }
    }

    private void member(String name, JsonParser parser) {
        JsonToken value = parser.nextToken();
        if (name.equals("ts")) {
            ts = timestamp(value, parser);
        } else {
            metric(name, value, parser);
        }
        parser.skipChildren();
    }

    private static Timestamp timestamp(JsonToken value, JsonParser parser) {
        if (value == JsonToken.VALUE_STRING) {
            return new Text(parser.getString());
        }
        boolean fitsLong = value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
        return fitsLong ? new Millis(parser.getLongValue()) : new Unusable();
    }

    private void metric(String name, JsonToken value, JsonParser parser) {
        count++;
        if (!TelemetryNames.isMetric(name)) {
            problem("metric names must be 1-64 characters of A-Z, a-z, 0-9, _ and -");
            return;
        }
        String json = valueJson(value, parser);
        if (json == null) {
            problem("metric '" + name + "' must be a finite number or a string of at most " + MAX_STRING
                    + " characters without NUL or unpaired surrogates");
            return;
        }
        metrics.append(metrics.length() > 1 ? "," : "").append('"').append(name).append("\":").append(json);
    }

    /** The value as stored: a number as the device wrote it, a string re-quoted; null when it is neither. */
    private static String valueJson(JsonToken value, JsonParser parser) {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            // An integer beyond a double's range (10^309) is as unusable as 1e999: readers cast metrics to float8.
            return Double.isFinite(parser.getNumberValue().doubleValue()) ? parser.getString() : null;
        }
        if (value == JsonToken.VALUE_STRING && isSafe(parser.getString())) {
            return "\"" + new String(QUOTER.quoteAsCharArray(parser.getString())) + "\"";
        }
        return null;
    }

    private static boolean isSafe(String text) {
        return text.length() <= MAX_STRING && text.indexOf('\0') < 0 && isUnicode(text);
    }

    /** An escaped lone surrogate ("\\ud800") is no character: the database driver would store it as "?". */
    private static boolean isUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private void problem(String reason) {
        if (firstProblem == null) {
            firstProblem = reason;
        }
    }
}
