package dev.weft.js.module;

import java.util.List;

/**
 * A built-in module scripts import by name ({@code k6}, {@code k6/http}, ...). Built once per
 * test and shared; {@link #instance(VuScope)} is called once per VU, on that VU's thread, the
 * first time its init code imports the module.
 */
public interface JsModule {
    /** The import specifier, e.g. {@code k6/http}. */
    String name();

    /** Named exports; the module's default export is the whole instance object. */
    List<String> exportNames();

    /** The module's object for one VU: a polyglot proxy or a JS value made in that VU's context. */
    Object instance(VuScope vu);
}
