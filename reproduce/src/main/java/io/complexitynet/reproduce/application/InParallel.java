package io.complexitynet.reproduce.application;

import io.complexitynet.reproduce.domain.ReproductionFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Blocking calls for many items, a few in flight at once; results in the items' order, the first failure rethrown. */
final class InParallel {

    private InParallel() {
    }

    static <T, R> List<R> map(List<T> items, int threads, Function<T, R> call, Progress progress, String what) {
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    R result = call.apply(item);
                    progress.advance(what, done.incrementAndGet(), items.size());
                    return result;
                }));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReproductionFailed failed) {
                throw failed;
            }
            throw new ReproductionFailed(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReproductionFailed("interrupted: " + what, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
