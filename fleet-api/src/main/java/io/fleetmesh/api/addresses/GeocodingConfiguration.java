package io.fleetmesh.api.addresses;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Reverse geocoding runs only with a provider's URL ({@code fleetmesh.geocoding.url}); without, reports show coordinates. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("fleetmesh.geocoding.url")
class GeocodingConfiguration {

    @Bean
    AddressResolver addressResolver(GeocodingProperties properties, AddressCache cache, MeterRegistry registry,
                                    Clock clock) {
        return new AddressResolver(new NominatimGeocoder(properties), cache, properties.interval(), registry, clock);
    }

    @Bean
    ResolverSchedule resolverSchedule(AddressResolver resolver) {
        return new ResolverSchedule(resolver);
    }

    /** A step every quarter second: the shared pace, not this schedule, sets the rate. */
    static class ResolverSchedule {

        private final AddressResolver resolver;

        ResolverSchedule(AddressResolver resolver) {
            this.resolver = resolver;
        }

        @Scheduled(fixedDelay = 250)
        void step() {
            resolver.step();
        }
    }
}
