package io.fleetmesh.api.reports;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** A JSON array of objects keyed by the columns' keys, in the sources' units (metres, km/h, seconds, UTC times). */
final class JsonTable implements TableWriter {

    private final JsonGenerator json;
    private final ReportLayout layout;

    JsonTable(OutputStream out, ReportLayout layout, JsonMapper mapper) {
        this.layout = layout;
        json = mapper.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).createGenerator(out);
        json.writeStartArray();
    }

    @Override
    public void row(Object[] values) {
        json.writeStartObject();
        for (int column = 0; column < values.length; column++) {
            json.writeName(layout.columns().get(column).key());
            value(values[column]);
        }
        json.writeEndObject();
    }

    @Override
    public void close() {
        json.writeEndArray();
        json.close();
    }

    private void value(Object value) {
        if (value instanceof Instant || value instanceof LocalDate) {
            json.writeString(value.toString());
        } else {
            json.writePOJO(value);
        }
    }
}
