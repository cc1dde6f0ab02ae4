package io.balance.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The survey service's settings ({@code balance.survey.*}), each default here and nowhere else (but
 * {@link #publicUrl()}'s). The scheduler reads the background intervals by name
 * ({@code @Scheduled(every = "${balance.survey.lifecycle-interval}")}), which sees these defaults too. The outbox relay and the registry consumers are the kit's
 * ({@code balance.outbox.*}, {@code balance.consumer.*}).
 */
@ConfigMapping(prefix = "balance.survey")
public interface SurveyConfig {
    /** The one service secret (client-address HMAC, sealing of printable codes); no default outside test/dev. */
    String secret();

    /**
     * Where respondents open their invitations (the gateway's public address); printed into QR codes. Its default
     * is the one in {@code application.properties}, beside the environment name k8s and the local run set
     * ({@code BALANCE_PUBLIC_URL}), so it is written there only.
     */
    String publicUrl();

    /** How long the submit path may use a cached campaign state. */
    @WithDefault("2s")
    Duration stateCacheTtl();

    /** Campaigns open and close by their times this often. */
    @WithDefault("5s")
    Duration lifecycleInterval();

    Sample sample();

    Results results();

    Fraud fraud();

    RateLimit rateLimit();

    Invitations invitations();

    Pdf pdf();

    Submit submit();

    /** The sampling rule (evaluation-standards.md §5). */
    interface Sample {
        @WithDefault("1.5")
        BigDecimal permille();

        @WithDefault("400000")
        long smallCountyPopulation();

        @WithDefault("600")
        int smallCountySample();

        @WithDefault("0.5")
        BigDecimal minParentShare();
    }

    interface Results {
        /** Coalesced results events are written this often. */
        @WithDefault("5s")
        Duration publishInterval();

        @WithDefault("0.85")
        double passRate();

        @WithDefault("0.70")
        double minValidReturnRate();
    }

    /** Reasons to look at an answer (never to drop it). */
    interface Fraud {
        @WithDefault("2")
        double minSecondsPerItem();

        @WithDefault("5")
        int allSameMinItems();

        @WithDefault("20")
        int burstPerMinute();
    }

    interface RateLimit {
        /** Public requests per minute from one address range (IPv4 /24, IPv6 /64). */
        @WithDefault("120")
        int perMinute();
    }

    interface Invitations {
        @WithDefault("1000")
        int maxBatch();
    }

    interface Pdf {
        /** CJK fonts for the printable slips, the first that exists is used. */
        @WithDefault("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,"
                + "/usr/share/fonts/truetype/arphic/uming.ttc,/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
        List<String> cjkFonts();
    }

    /** The submit path's batching queues (ResponseWriter, InvitationLookup). */
    interface Submit {
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
}
