package dev.weft.http;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * One {@code http.batch} call: runs each request on its own short-lived virtual thread with its
 * own small {@link ConnectionPool}, limited overall and per origin, then returns every connection
 * to the VU's pool. The VU's pool is touched only by the VU's thread, before the children start
 * and after they have all been joined, so it still needs no lock.
 */
final class Batch {
    /** Sends one request using the given pool. */
    interface Sender {
        HttpResponse send(ConnectionPool pool, HttpRequest request);
    }

    private final List<HttpRequest> requests;
    private final int maxParallel;
    private final int perHost;
    private final ConnectionPool vuPool;

    Batch(List<HttpRequest> requests, int maxParallel, int perHost, ConnectionPool vuPool) {
        this.requests = requests;
        this.maxParallel = maxParallel;
        this.perHost = perHost;
        this.vuPool = vuPool;
    }

    List<HttpResponse> run(Sender sender) {
        int n = requests.size();
        ConnectionPool[] pools = new ConnectionPool[n];
        Semaphore[] hostLimits = new Semaphore[n];
        Map<String, Semaphore> byOrigin = new HashMap<>();
        for (int i = 0; i < n; i++) {
            pools[i] = new ConnectionPool(perHost);
            String origin = originOf(requests.get(i).url());
            if (origin != null) {
                Connection idle = vuPool.take(origin);
                if (idle != null) {
                    pools[i].give(idle);
                }
                hostLimits[i] = byOrigin.computeIfAbsent(origin, k -> new Semaphore(perHost));
            }
        }
        Semaphore overall = new Semaphore(maxParallel);
        HttpResponse[] out = new HttpResponse[n];
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            int index = i;
            threads[i] = Thread.ofVirtual().name("http-batch").start(() -> {
                Semaphore host = hostLimits[index];
                overall.acquireUninterruptibly();
                if (host != null) {
                    host.acquireUninterruptibly();
                }
                try {
                    out[index] = sender.send(pools[index], requests.get(index));
                } finally {
                    if (host != null) {
                        host.release();
                    }
                    overall.release();
                }
            });
        }
        joinAll(threads);
        for (ConnectionPool p : pools) {
            p.drainInto(vuPool);
        }
        return Arrays.asList(out);
    }

    private static void joinAll(Thread[] threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the children finish within their own timeouts; wait for them
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String originOf(String url) {
        try {
            return HttpUrl.parse(url).origin();
        } catch (HttpFailure e) {
            return null;
        }
    }
}
