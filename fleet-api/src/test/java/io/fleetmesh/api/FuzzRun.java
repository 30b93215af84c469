package io.fleetmesh.api;

import io.fleetmesh.api.FuzzExchange.FuzzResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** One run of the fuzzer: what it sent, what came back, and every broken property with what reproduces it. */
final class FuzzRun {

    private static final int SHOWN_BODY = 400;

    private final long seed;
    private final FuzzExchange exchange = new FuzzExchange();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Long> millis = new HashMap<>();
    private int operations;
    private int requests;
    private int streams;

    FuzzRun(long seed) {
        this.seed = seed;
    }

    /** Each case's own generator: a failure is reproduced from the seed, the operation and nothing else. */
    SplittableRandom random(ApiOperation operation, int caseIndex) {
        return new SplittableRandom(seed + 1_000_003L * operation.key().hashCode() + caseIndex);
    }

    void operation() {
        operations++;
    }

    void check(ApiOperation operation, int caseIndex, FuzzRequest request) throws InterruptedException {
        requests++;
        long start = System.nanoTime();
        try {
            FuzzResponse response = exchange.send(request);
            statuses.merge(response.status(), 1, Integer::sum);
            streams += response.openStream() ? 1 : 0;
            List<String> violations = FuzzChecks.violations(request, response);
            if (!violations.isEmpty()) {
                fail(operation, caseIndex, request, violations + "\n  answer " + response.status() + " "
                        + response.contentType() + ": " + cut(response.body()));
            }
        } catch (IOException noAnswer) {
            statuses.merge(-1, 1, Integer::sum);
            fail(operation, caseIndex, request, "no answer: " + noAnswer.getMessage());
        } finally {
            millis.merge(operation.key(), (System.nanoTime() - start) / 1_000_000, Long::sum);
        }
    }

    private void fail(ApiOperation operation, int caseIndex, FuzzRequest request, String what) {
        failures.add("%s, case %d (-Dfleetmesh.fuzz.seed=%d -Dfleetmesh.fuzz.operation='%s'): %s%n  request %s"
                .formatted(operation.key(), caseIndex, seed, operation.key(), what, request.describe()));
    }

    List<String> failures() {
        return failures;
    }

    String summary() {
        return "RestFuzzTest: %d operations, %d requests, statuses %s (-1: no answer), %d streams opened and closed,"
                .formatted(operations, requests, statuses, streams) + " slowest %s, %d failures, seed %d"
                .formatted(slowest(), failures.size(), seed);
    }

    /** Where the time goes, to keep the default run short. */
    private List<String> slowest() {
        return millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(5).map(entry -> entry.getKey() + " " + entry.getValue() + " ms").toList();
    }

    private static String cut(String body) {
        return body.length() <= SHOWN_BODY ? body : body.substring(0, SHOWN_BODY) + "...";
    }
}
