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

    /** How often the instance running a job renews its heartbeat (ImportRecovery; application.properties). */
    java.time.Duration heartbeatInterval();

    /** A job whose heartbeat is older than this is resumed by another instance (application.properties). */
    java.time.Duration heartbeatTimeout();
}
