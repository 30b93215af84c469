package io.fleetmesh.simulator;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON object per log line (ts, level, logger, thread, message, error), for log shippers: the same lines as the
 * agent's, which the simulator runs beside in a simulated truck's container; a copy, so the simulator needs no agent.
 */
final class JsonLogFormatter extends Formatter {

    private final JsonMapper json = JsonMapper.builder().build();

    /** Replaces the format of the root logger's handlers; {@code plain} keeps the JDK's. */
    static void install(String format) {
        if (!"plain".equals(format)) {
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                handler.setFormatter(new JsonLogFormatter());
            }
        }
    }

    @Override
    public String format(LogRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts", Instant.ofEpochMilli(record.getMillis()).toString());
        line.put("level", record.getLevel().getName());
        line.put("logger", record.getLoggerName());
        line.put("thread", Thread.currentThread().getName());
        line.put("message", formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.put("error", trace.toString());
        }
        return json.writeValueAsString(line) + System.lineSeparator();
    }
}
