package dev.raven.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs n calls as close to simultaneously as threads allow: the races a client can start. */
public final class Race {
    private Race() {
    }

    /** Call i gets i (0..n-1); the answers come back in that order. */
    public static List<Api.Res> atOnce(int n, IntFunction<Api.Res> call) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Res>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.apply(index);
                }));
            }
            go.countDown();
            List<Api.Res> answers = new ArrayList<>();
            for (Future<Api.Res> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException("a racing call failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    public static long count(List<Api.Res> answers, int status) {
        return answers.stream().filter(r -> r.status() == status).count();
    }
}
