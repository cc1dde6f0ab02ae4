package io.balance.school.importing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code balance.import.*}: bulk import limits, each default here and nowhere else. */
@ConfigMapping(prefix = "balance.import")
public interface ImportConfig {
    /** Rows per upload; a county's 3,000-row spreadsheet is well below. */
    @WithDefault("20000")
    int maxRows();

    /** Rows stored per transaction. */
    @WithDefault("250")
    int chunkSize();

    /** Import jobs running at once. */
    @WithDefault("2")
    int threads();

    /**
     * How often the instance running a job renews its heartbeat. Set in application.properties, where the
     * schedule expression of ImportRecovery reads it too.
     */
    java.time.Duration heartbeatInterval();

    /**
     * A job whose heartbeat is older than this is resumed by another instance (its own was replaced or crashed).
     * The heartbeat's interval is {@code balance.import.heartbeat-interval} in application.properties (a schedule
     * expression reads it there).
     */
    @WithDefault("30s")
    java.time.Duration heartbeatTimeout();
}
