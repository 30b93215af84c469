package io.fleetmesh.edge.rollout;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The truck's sensor apps ask the agent how often to sample ({@code agent.config.sampling}, request/reply on the
 * leaf): the answer is the pushed configuration's {@code {"<channel>": "<ISO-8601 interval>"}}, {@code {}} if none.
 */
public final class SamplingService implements AutoCloseable {

    static final String SUBJECT = "agent.config.sampling";
    private static final JsonMapper json = JsonMapper.builder().build();

    private final Connection local;
    private final AppliedConfig config;
    private Dispatcher dispatcher;

    public SamplingService(Connection local, AppliedConfig config) {
        this.local = local;
        this.config = config;
    }

    public void start() {
        dispatcher = local.createDispatcher(request -> local.publish(request.getReplyTo(),
                json.writeValueAsBytes(config.sampling())));
        dispatcher.subscribe(SUBJECT);
    }

    @Override
    public void close() {
        if (dispatcher != null) {
            local.closeDispatcher(dispatcher);
        }
    }
}
