package cn.qingfeng.bulk.job;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A job's progress, attempts and cancel request: written beside the job row, which the worker holds locked. */
@Entity
@Table(name = "import_progress")
public class ImportProgressEntity {

    @Id
    public UUID jobId;

    public String phase;

    public int processed;

    public int total;

    public Instant startedAt;

    public Instant updatedAt;

    /** 1 + the number of runs that ended without finishing (the backend died under them). */
    public int attempt;

    /** Set while a run is on; still set at the next start means the last run was interrupted. */
    public String worker;

    public boolean cancelRequested;
}
