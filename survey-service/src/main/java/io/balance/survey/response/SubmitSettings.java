package io.balance.survey.response;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The submit path's batching queues ({@link ResponseWriter}, {@link InvitationLookup}). */
@ConfigMapping(prefix = "balance.survey.submit")
public interface SubmitSettings {
    /** Threads committing answers (each commit carries a batch). */
    @WithDefault("2")
    int writers();

    /** Threads resolving invitation codes (each query carries a batch). */
    @WithDefault("2")
    int lookupThreads();

    /** The most requests one round trip carries. */
    @WithDefault("200")
    int maxBatch();

    /** Requests that may wait for each queue; beyond that a submission gets 503. */
    @WithDefault("20000")
    int queue();

    /** How long a submission waits for its round trip before it gets 503. */
    @WithDefault("15s")
    Duration timeout();
}
