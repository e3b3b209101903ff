package cn.qingfeng.common.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;

/** Application settings of Qingfeng, under the {@code qingfeng.} prefix. */
@ConfigMapping(prefix = "qingfeng")
public interface QingfengConfig {

    /** Journal (audit trail, timelines, to-dos, outbound events). */
    Journal journal();

    /** Evidence files attached to records. */
    Attachments attachments();

    /** Keyset pagination of every list endpoint. */
    Pagination pagination();

    /** Demo organisation and people for local runs. */
    DemoData demoData();

    /** Traffic lights of deadlines. */
    Warnings warnings();

    /** Scheduled work of the tasks ledger. */
    Tasks tasks();

    /** The rectification ledger. */
    Rectification rectification();

    /** The risk ledger: review cycles, reporting time, scheduled checks. */
    Risks risks();

    /** The application clock. */
    ClockSettings clock();

    /** Bulk import of spreadsheets. */
    Imports imports();

    /** How the API is reached from outside. */
    Http http();

    /** Outbound events: the outbox, its dispatcher and the subscriptions' receivers. */
    Webhooks webhooks();

    /** The kept counts behind list totals, statistics and the heat map. */
    Tallies tallies();

    /** The report drafted from the ledgers and its exports. */
    Reports reports();

    interface Reports {
        /** LibreOffice's soffice for the PDF export; absent from PATH: PDF answers 503 (DOCX still works). */
        @WithDefault("soffice")
        String soffice();

        /** How long one DOCX → PDF conversion may take. */
        @WithDefault("120s")
        Duration pdfTimeout();
    }

    interface Tallies {
        /** How often the counts' delta rows are folded ("off" disables; counts stay exact either way). */
        @WithDefault("10s")
        String compactInterval();
    }

    interface Webhooks {
        /** How often a dispatcher looks for due deliveries ("off" disables the schedule). */
        @WithDefault("1s")
        String dispatchInterval();

        /** Deliveries one dispatcher leases at a time. */
        @WithDefault("100")
        @Min(1)
        @Max(1000)
        int batchSize();

        /** Requests in flight at once per instance. */
        @WithDefault("8")
        @Min(1)
        @Max(64)
        int concurrency();

        /** How long a lease holds: a delivery leased by an instance that died is taken over after it. */
        @WithDefault("60s")
        Duration lease();

        /** Per request to a receiver; at most 15 s (longer settings are cut to 15 s). */
        @WithDefault("10s")
        Duration timeout();

        /** Delay before each retry after a failed attempt; after the last, the delivery is dead. Jittered ±10 %. */
        @WithDefault("5s,5m,30m,2h,5h,10h,14h,20h,24h")
        @NotEmpty
        List<Duration> retrySchedule();

        /** How long a rotated-out secret keeps signing beside the new one. */
        @WithDefault("24h")
        Duration rotationOverlap();

        /** Days finished deliveries stay in the log. */
        @WithDefault("30")
        @Min(1)
        int logRetentionDays();

        /** The SPA's public base URL, for absolute links in to-dos sent to an OA. */
        @WithDefault("${qingfeng.http.public-url}")
        String spaUrl();
    }

    /** Idempotency-Key on POST requests (draft-ietf-httpapi-idempotency-key-header). */
    Idempotency idempotency();

    interface Idempotency {
        /**
         * How long a key and the answer it replays are kept after its first use. The draft asks that
         * keys be kept long enough for a client's retries; the OA retries for up to a day, so this
         * cannot be set below 24 hours (the API does not start).
         */
        @WithDefault("24h")
        @org.hibernate.validator.constraints.time.DurationMin(hours = 24)
        Duration retention();

        /** How often each instance purges expired keys ("off" disables the schedule). */
        @WithDefault("15m")
        String purgeInterval();
    }

    /** The unified to-dos (统一待办). */
    Todos todos();

    interface Todos {
        /**
         * How often flows that time alone changes (a deadline passed, a review within the warning
         * days) are looked at again ("off" disables the schedule on this instance).
         */
        @WithDefault("1m")
        String sweepInterval();

        /**
         * Whether an instance, once started, gives open records without a flow theirs (in the
         * background). Off for a fixture without history, e.g. the benchmark's generated million.
         */
        @WithDefault("true")
        boolean rebuildOnStart();
    }

    interface Http {
        /**
         * The API's public base URL (scheme, host, port), e.g. {@code https://qingfeng.example.gov.cn};
         * a created record's Location starts with it, never with the request's Host header.
         */
        @WithDefault("http://127.0.0.1:8080")
        String publicUrl();

        /** Longest request URI (path and query) the API reads; longer ones answer 414. */
        @WithDefault("4096")
        @Min(256)
        int maxUriLength();

        /**
         * Largest request body other than an upload (JSON). Bodies are read before the caller is
         * known, so this bounds what an anonymous client can make the server hold; larger answer 413.
         */
        @WithDefault("2M")
        MemorySize maxJsonSize();
    }

    interface Journal {
        /** Days an event is kept before the retention job may purge it; the database refuses less than 180. */
        @WithDefault("1095")
        @Min(180)
        int retentionDays();

        /** How often the sealer chains newly committed events into the hash chain ("off" disables the schedule). */
        @WithDefault("5s")
        String sealerInterval();

        /** When the retention job runs (Quartz-style cron, server time). */
        @WithDefault("0 30 3 * * ?")
        String retentionCron();

        /** Most events the sealer chains in one transaction. */
        @WithDefault("2000")
        @Min(1)
        int sealerBatchSize();
    }

    interface Attachments {
        /** Largest accepted file; larger uploads answer 413. */
        @WithDefault("20M")
        MemorySize maxSize();

        /** File types accepted after sniffing the bytes; anything else answers 415. */
        @WithDefault("pdf,ofd,docx,xlsx,doc,xls,jpg,png,zip")
        @NotEmpty
        List<String> allowedTypes();

        /** Most entries a zip container (docx, xlsx, ofd, zip) may hold; a real document holds a few dozen. */
        @WithDefault("1000")
        @Min(1)
        int maxArchiveEntries();

        /** Most bytes a zip container may inflate to, all entries together. */
        @WithDefault("200M")
        MemorySize maxInflatedSize();

        /** Highest inflated/compressed ratio of an entry (larger entries only): more is a zip bomb. */
        @WithDefault("100")
        @Min(2)
        int maxCompressionRatio();
    }

    interface Pagination {
        /** HMAC secret that signs cursors so clients cannot forge them; the same on every instance. */
        @Size(min = 16)
        String cursorSecret();

        /** Page size when the client does not ask for one. */
        @WithDefault("50")
        @Min(1)
        int defaultLimit();

        /** Largest page a client may ask for. */
        @WithDefault("200")
        @Min(1)
        @Max(1000)
        int maxLimit();

        /**
         * A list's total is counted up to this many rows when no kept count answers its filters;
         * beyond it the answer says "more than" ({@code totalExact=false}) instead of scanning on.
         */
        @WithDefault("1000")
        @Min(1)
        int countLimit();
    }

    interface Warnings {
        /** An open item due today or within this many days after today shows yellow (3: today to today+3). */
        @WithDefault("3")
        @Min(0)
        int yellowDays();
    }

    interface Imports {
        /** How often each instance looks for waiting imports ("off" disables the worker on this instance). */
        @WithDefault("1s")
        String pollInterval();

        /** Runs of one job that may end without finishing (the backend stopped under them) before it fails. */
        @WithDefault("3")
        @Min(1)
        int maxAttempts();

        /** Longest commit of one import: its transaction's timeout. */
        @WithDefault("PT2H")
        Duration commitTimeout();

        /** Test hook: a commit waits at this record while {@link #holdFile()} exists (-1: never). */
        @WithDefault("-1")
        int holdAtRow();

        @WithDefault("none")
        String holdFile();
    }

    interface Tasks {
        /** How often overdue assignments are escalated and recurring tasks get their new periods ("off" disables). */
        @WithDefault("1m")
        String schedulerInterval();
    }

    interface Rectification {
        /** How often an ongoing (长期坚持) item must report progress: MONTHLY, QUARTERLY or HALF_YEARLY. */
        @WithDefault("QUARTERLY")
        @jakarta.validation.constraints.Pattern(regexp = "MONTHLY|QUARTERLY|HALF_YEARLY")
        String ongoingProgressPeriod();
    }

    interface Risks {
        /** Review cycle (研判) of a 重大 risk unless the risk sets its own: MONTHLY, QUARTERLY, HALF_YEARLY or YEARLY. */
        @WithDefault("MONTHLY")
        @jakarta.validation.constraints.Pattern(regexp = CYCLES)
        String reviewCycleMajor();

        /** Review cycle of a 较大 risk. */
        @WithDefault("QUARTERLY")
        @jakarta.validation.constraints.Pattern(regexp = CYCLES)
        String reviewCycleSignificant();

        /** Review cycle of a 一般 risk. */
        @WithDefault("HALF_YEARLY")
        @jakarta.validation.constraints.Pattern(regexp = CYCLES)
        String reviewCycleGeneral();

        /** Review cycle of a 低 risk. */
        @WithDefault("YEARLY")
        @jakarta.validation.constraints.Pattern(regexp = CYCLES)
        String reviewCycleLow();

        /** Time a unit has to report a risk raised to 重大 to the bureau (e.g. 24h); later is 迟报, never is 漏报. */
        @WithDefault("24h")
        Duration reportWithin();

        /** How often missed reviews and reports are flagged ("off" disables). */
        @WithDefault("1m")
        String schedulerInterval();
    }

    interface ClockSettings {
        /**
         * Lets an admin move the application clock through {@code /api/v1/testing/clock}; for
         * end-to-end tests of deadlines only, never on a real deployment.
         */
        @WithDefault("false")
        boolean adjustable();
    }

    /** Accepted review cycles. */
    String CYCLES = "MONTHLY|QUARTERLY|HALF_YEARLY|YEARLY";

    interface DemoData {
        /** Seed the demo organisation (the bureau of the seed report) at start when the database is empty. */
        @WithDefault("false")
        boolean enabled();
    }

    /** Convenience for schedules that accept a duration. */
    static Duration parse(String value) {
        return Duration.parse("PT" + value.toUpperCase());
    }
}
