package io.fleetmesh.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The figures of {@code bin/bench taps}' runs, and their medians. */
final class TapRuns {

    record Run(double ingestAlone, double drainAlone, double drainDuring, double ingestDuring, double export) {
    }

    private final List<Run> runs = new ArrayList<>();

    void add(Run run) {
        runs.add(run);
    }

    void print() {
        System.out.printf("medians of %d runs: ingest alone %,.0f readings/s; drain alone %,.0f msgs/s; drain while"
                        + " ingesting %,.0f msgs/s; ingest meanwhile %,.0f readings/s (%.2f of alone, per-run ratios %s);"
                        + " Parquet export %,.0f rows/s%n", runs.size(), median(Run::ingestAlone), median(Run::drainAlone),
                median(Run::drainDuring), median(Run::ingestDuring), median(run -> run.ingestDuring() / run.ingestAlone()),
                runs.stream().map(run -> "%.2f".formatted(run.ingestDuring() / run.ingestAlone())).toList(),
                median(Run::export));
    }

    private double median(ToDoubleFunction<Run> figure) {
        return Stats.median(runs.stream().map(figure::applyAsDouble).toList());
    }
}
