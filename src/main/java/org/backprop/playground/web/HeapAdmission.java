package org.backprop.playground.web;

import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.function.LongSupplier;

/**
 * Admission by memory: how many sessions the heap holds, and whether it has room for one more now.
 * Every session is counted at the most one may hold under the limits (any session can become that
 * with one {@code config}) plus its connection's share, {@link #perSession()}. The budget is the
 * heap the server lets itself fill, by default the JVM's maximum (-Xmx) less a reserve for the
 * collector and for bursts ({@link #defaultBudget}); {@code --heap-budget-mb} sets it instead.
 *
 * <p>Two checks: the session cap, {@code (budget - baseline - shared scratch) / perSession} (never above the
 * configured {@code --max-sessions}), so a ramp of connections stops before the heap runs out
 * whatever the collector has seen yet; and the heap as the last collection left it, so memory held
 * elsewhere (requests, buffers) counts too.
 */
final class HeapAdmission {
    private static final long MB = 1024 * 1024;
    /** What the server holds with no session: Jetty, Javalin, the page's words (16 MB after a full GC once the page was served, at -Xmx256m; doubled). */
    static final long BASELINE = 32 * MB;
    /** A connection's own heap besides its session: Jetty's session and buffers, one frame in flight, a few replies queued. */
    static final long CONNECTION = 128 * 1024;

    private final long budget, perSession, fixed;
    private final LongSupplier heapInUse;

    HeapAdmission(long budget, long sessionBytes, LongSupplier heapInUse) {
        this(budget, sessionBytes, 0, heapInUse);
    }

    /** {@code sharedBytes}: what the server keeps for all sessions besides {@link #BASELINE} (the idle passes it lends). */
    HeapAdmission(long budget, long sessionBytes, long sharedBytes, LongSupplier heapInUse) {
        if (budget < 1) throw new IllegalArgumentException("the heap budget must be positive, got " + budget);
        this.budget = budget;
        this.perSession = sessionBytes + CONNECTION;
        this.fixed = BASELINE + sharedBytes;
        this.heapInUse = heapInUse;
    }

    /** This JVM's heap, budgeted at {@code budgetMb} (0: {@link #defaultBudget}). */
    static HeapAdmission forThisJvm(long budgetMb, long sessionBytes, long sharedBytes) {
        long budget = budgetMb > 0
                ? budgetMb * MB
                : defaultBudget(Runtime.getRuntime().maxMemory());
        return new HeapAdmission(budget, sessionBytes, sharedBytes, HeapAdmission::heapAfterLastGc);
    }

    /** The maximum heap less a quarter of it, and at least 64 MB, for the collector and bursts: 192 MB of 256, 384 of 512. */
    static long defaultBudget(long maxHeap) {
        return maxHeap - Math.max(64 * MB, maxHeap / 4);
    }

    long budget() {
        return budget;
    }

    long perSession() {
        return perSession;
    }

    /** Sessions the budget holds, at most {@code configured} and at least one. */
    int cap(int configured) {
        long fits = (budget - fixed) / perSession;
        return (int) Math.max(1, Math.min(configured, fits));
    }

    /** Whether the heap has room for one more session now (as the last collection left it). */
    boolean roomForOneMore() {
        return heapInUse.getAsLong() + perSession <= budget;
    }

    /**
     * The heap used right after the most recent collection (live data and what the collector kept),
     * or the heap used now before any: a figure that does not swing with the garbage made since.
     */
    static long heapAfterLastGc() {
        GcInfo last = null;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof com.sun.management.GarbageCollectorMXBean sun)) continue;
            GcInfo info = sun.getLastGcInfo();
            if (info != null && (last == null || info.getEndTime() > last.getEndTime())) last = info;
        }
        if (last == null) {
            Runtime rt = Runtime.getRuntime();
            return rt.totalMemory() - rt.freeMemory();
        }
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) continue; // the info has metaspace and code too
            MemoryUsage after = last.getMemoryUsageAfterGc().get(pool.getName());
            if (after != null) used += after.getUsed();
        }
        return used;
    }
}
