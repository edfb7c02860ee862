package dev.weft.js.module;

import dev.weft.metrics.Tags;
import dev.weft.vu.IterationContext;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;

/**
 * One VU's view of the test, handed to modules: its id, its context, its current stage, group
 * and tags, and hooks around iterations. Used only on the VU's own thread, so it is not locked.
 */
public final class VuScope {
    private final int id;
    private final Context context;
    private final TestServices services;
    private final ModuleScripts scripts;
    private final List<Runnable> iterationStart = new ArrayList<>();
    private final List<Runnable> iterationEnd = new ArrayList<>();
    private final List<Runnable> onClose = new ArrayList<>();
    private Phase phase = Phase.INIT;
    private String group = "";
    private Tags tags;
    /** sampleTags() as last made, with what it was made from: every request and check asks for it. */
    private Tags sampleTags;
    private Tags sampleTagsFrom;
    private Tags sampleTagsVu;
    private String sampleTagsGroup = "";
    private long iteration;
    private long iterationsInInstance;
    private String scenario = "";
    private IterationContext current;
    private Tags vuTags = Tags.EMPTY;

    public VuScope(int id, Context context, TestServices services, ModuleScripts scripts) {
        this.id = id;
        this.context = context;
        this.services = services;
        this.scripts = scripts;
        this.tags = services.testTags();
    }

    public int id() {
        return id;
    }

    public Context context() {
        return context;
    }

    public TestServices services() {
        return services;
    }

    /** The JS halves of built-in modules, for {@link JsModule#instance(VuScope)}. */
    public ModuleScripts scripts() {
        return scripts;
    }

    public Phase phase() {
        return phase;
    }

    public void enter(Phase phase, Tags tags) {
        this.phase = phase;
        this.tags = tags;
        this.group = phase.rootGroup();
    }

    /** The current group path: "" at the root, "::a::b" inside groups a then b. */
    public String group() {
        return group;
    }

    public void group(String path) {
        this.group = path;
    }

    /** Tags for a sample made now: the iteration's tags plus the current group. */
    public Tags sampleTags() {
        if (sampleTags == null || sampleTagsFrom != tags || sampleTagsVu != vuTags || !sampleTagsGroup.equals(group)) {
            sampleTags = tags.merge(vuTags).with("group", group);
            sampleTagsFrom = tags;
            sampleTagsVu = vuTags;
            sampleTagsGroup = group;
        }
        return sampleTags;
    }

    /** Tags the script set on this VU (k6/execution's vu.tags), added to all its samples. */
    public Tags vuTags() {
        return vuTags;
    }

    public void vuTag(String name, String value) {
        vuTags = vuTags.with(name, value);
    }

    public Tags tags() {
        return tags;
    }

    public long iteration() {
        return iteration;
    }

    public String scenario() {
        return scenario;
    }

    /** Called as each iteration starts, on the VU's thread. */
    public void iteration(IterationContext context) {
        this.current = context;
        this.scenario = context.scenario();
        this.iteration = context.vuIteration();
        this.iterationsInInstance++;
    }

    /** The iteration running now, or null outside iterations. */
    public IterationContext current() {
        return current;
    }

    /** How many iterations this VU has started, across scenarios. */
    public long iterationsInInstance() {
        return iterationsInInstance;
    }

    public void onIterationStart(Runnable hook) {
        iterationStart.add(hook);
    }

    public void onIterationEnd(Runnable hook) {
        iterationEnd.add(hook);
    }

    public void onClose(Runnable hook) {
        onClose.add(hook);
    }

    public void iterationStarting() {
        iterationStart.forEach(Runnable::run);
    }

    public void iterationEnded() {
        iterationEnd.forEach(Runnable::run);
    }

    public void closing() {
        onClose.forEach(Runnable::run);
    }

    /** Fails with k6's message when an init-only API is used outside init code. */
    public void requireInit(String what) {
        if (phase != Phase.INIT) {
            throw new IllegalStateException(what + " is only available in the init stage (outside of "
                    + "exported functions)");
        }
    }
}
