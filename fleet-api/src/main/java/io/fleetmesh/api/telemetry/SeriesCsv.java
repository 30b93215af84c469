package io.fleetmesh.api.telemetry;

import java.math.BigDecimal;
import java.util.List;

/**
 * A chart's series as CSV (RFC 4180) for spreadsheets and dispatch systems: a {@code time} column (the bucket's
 * start, RFC 3339 UTC) and one column per metric, named as readings name it; an empty cell where a bucket has no
 * value.
 */
final class SeriesCsv {

    private SeriesCsv() {
    }

    /** The columns asked for, in that order (a metric without values is an empty column), else every metric. */
    static String of(TelemetrySeries series, List<String> metrics) {
        List<String> columns = metrics == null || metrics.isEmpty() ? List.copyOf(series.metrics().keySet())
                : metrics.stream().distinct().toList();
        StringBuilder csv = new StringBuilder("time");
        columns.forEach(column -> csv.append(',').append(header(column)));
        csv.append("\r\n");
        for (int row = 0; row < series.times().size(); row++) {
            csv.append(series.times().get(row));
            for (String column : columns) {
                List<Double> values = series.metrics().get(column);
                csv.append(',').append(values == null ? "" : number(values.get(row)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    /**
     * Metric names need no quoting (A-Z, a-z, 0-9, _ and -); one that starts with "-" would be read as a formula
     * by a spreadsheet ("-A1"), so it is written as text.
     */
    private static String header(String metric) {
        return metric.startsWith("-") ? "'" + metric : metric;
    }

    /** Plain decimal notation, no exponent and no trailing zeros: -17.5, 2424, 0.00001. */
    private static String number(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
