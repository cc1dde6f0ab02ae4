package io.balance.gateway.routing;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the services behind the gateway are (balance.services.&lt;name&gt;.*). No defaults here: each URL is set once,
 * in application.properties for the local run, by the deployment's environment elsewhere.
 */
@ConfigMapping(prefix = "balance.services")
public interface ServiceEndpoints {
    Endpoint school();

    Endpoint indicator();

    Endpoint survey();

    Endpoint supervision();

    interface Endpoint {
        URI url();

        /** Where the service publishes its OpenAPI document; {@code <url>/q/openapi} when not set. */
        Optional<String> openapiUrl();
    }

    /** By name, in the order of docs/architecture.md. */
    default Map<String, Endpoint> byName() {
        Map<String, Endpoint> all = new LinkedHashMap<>();
        all.put("school", school());
        all.put("indicator", indicator());
        all.put("survey", survey());
        all.put("supervision", supervision());
        return all;
    }
}
