package cn.qingfeng.bulk.job;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Takes waiting imports off the queue, one after another, on every instance (a job is locked by the one running it). */
@ApplicationScoped
public class ImportWorker {

    @Inject
    ImportRunner runner;

    @Scheduled(every = "${qingfeng.imports.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        while (runner.runOne()) {
            // next job
        }
    }
}
