package dev.weft.js.module.k6;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsValues;
import dev.weft.js.module.VuScope;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The Java half of the {@code k6} module for one VU: sleeping, and the samples of checks and
 * groups. Called only from the VU's thread.
 */
final class K6Host {
    /** Distinct check names kept per VU; a script that makes names up per iteration only clears it. */
    private static final int MAX_CACHED_CHECKS = 1_000;

    private final VuScope vu;
    /** Each check's tags, made once per name while the VU's sample tags stay the same. */
    private final Map<String, Tags> checkTags = new HashMap<>();
    private Tags checkBase;

    K6Host(VuScope vu) {
        this.vu = vu;
    }

    ProxyObject build() {
        return new HostObject()
                .fn("sleep", args -> {
                    // k6's sleep() takes what Number() makes of its argument; none is NaN: no sleep
                    sleep(args.length == 0 ? Double.NaN : JsValues.number(args[0]));
                    return null;
                })
                .fn("check", args -> {
                    check(args[0].asString(), args[1].asBoolean(),
                            args[2].isNull() ? Tags.EMPTY : new Tags(JsValues.stringMap(args[2])));
                    return null;
                })
                .fn("enterGroup", args -> enterGroup(args[0].asString()))
                .fn("leaveGroup", args -> {
                    leaveGroup(args[0].asString());
                    return null;
                })
                .build();
    }

    /** Parks the VU's virtual thread; an interrupt (graceful stop ran out) ends the iteration. */
    void sleep(double seconds) {
        if (!(seconds > 0)) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos((long) (seconds * 1e9)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sleep interrupted: the iteration was stopped");
        }
    }

    void check(String name, boolean pass, Tags extra) {
        Tags tags;
        if (extra.size() == 0) {
            Tags base = vu.sampleTags();
            if (base != checkBase || checkTags.size() > MAX_CACHED_CHECKS) {
                checkTags.clear();
                checkBase = base;
            }
            tags = checkTags.computeIfAbsent(name, n -> base.with("check", n));
        } else {
            tags = vu.sampleTags().merge(extra).with("check", name);
        }
        vu.services().sink().push(new Sample(BuiltinMetrics.CHECKS, tags, vu.services().clock().millis(),
                pass ? 1 : 0));
    }

    /** Enters a group; returns a token ("previous path|start nanos") for {@link #leaveGroup}. */
    String enterGroup(String name) {
        if (name.contains("::")) {
            throw new IllegalArgumentException("group and check names may not contain '::'");
        }
        String previous = vu.group();
        vu.group(previous + "::" + name);
        return System.nanoTime() + "|" + previous;
    }

    void leaveGroup(String token) {
        int bar = token.indexOf('|');
        long start = Long.parseLong(token.substring(0, bar));
        double ms = (System.nanoTime() - start) / 1e6;
        vu.services().sink().push(new Sample(BuiltinMetrics.GROUP_DURATION, vu.sampleTags(),
                vu.services().clock().millis(), ms));
        vu.group(token.substring(bar + 1));
    }
}
