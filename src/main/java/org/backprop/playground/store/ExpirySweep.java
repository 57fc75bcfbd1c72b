package org.backprop.playground.store;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired boards once at start and then every {@link #EVERY}; an expired board is already
 * gone for every read ({@link BoardStore#board}), so the sweep only frees its rows' space. Stored data
 * sets unused for {@link BoardStore#DATASET_LIFETIME} go too, and those beyond {@link BoardStore#MAX_DATASETS}.
 */
public final class ExpirySweep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweep.class);
    static final Duration EVERY = Duration.ofHours(1);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "board-expiry");
        t.setDaemon(true);
        return t;
    });

    public ExpirySweep(BoardStore store, Clock clock) {
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        int n = store.sweepExpired(clock.instant());
                        if (n > 0) LOG.info("deleted {} expired boards", n);
                        int sets = store.sweepDatasets(
                                clock.instant().minus(BoardStore.DATASET_LIFETIME), BoardStore.MAX_DATASETS);
                        if (sets > 0)
                            LOG.info("deleted {} stored data sets unused for {}", sets, BoardStore.DATASET_LIFETIME);
                    } catch (RuntimeException e) {
                        LOG.warn("the expiry sweep failed; it runs again in {}: {}", EVERY, e.getMessage());
                    }
                },
                0,
                EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
