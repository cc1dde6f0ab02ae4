package io.balance.kit.probe;

import io.balance.kit.consumer.EventConsumers;
import io.balance.kit.consumer.ReplayResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

@Path("/api/probe/replay")
public class ProbeReplayResource {
    @Inject
    EventConsumers consumers;

    @POST
    public List<ReplayResult> replay() throws Exception {
        return consumers.replay().get(60, TimeUnit.SECONDS);
    }
}
