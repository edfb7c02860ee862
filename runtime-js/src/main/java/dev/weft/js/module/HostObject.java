package dev.weft.js.module;

import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/** Builds the Java object a module's JS half calls: named functions in a polyglot proxy. */
public final class HostObject {
    private final Map<String, Object> members = new LinkedHashMap<>();

    public HostObject fn(String name, ProxyExecutable fn) {
        members.put(name, fn);
        return this;
    }

    public HostObject value(String name, Object value) {
        members.put(name, value);
        return this;
    }

    public ProxyObject build() {
        return ProxyObject.fromMap(members);
    }
}
