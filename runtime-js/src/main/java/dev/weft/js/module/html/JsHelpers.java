package dev.weft.js.module.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * Makes plain JS values (arrays, objects, undefined, parsed JSON) in one VU's context from
 * Java results, through small functions html.js hands over. Used on that VU's thread.
 */
final class JsHelpers {
    private final Value array;
    private final Value object;
    private final Value json;
    private final Value undefined;

    JsHelpers(Value helpers) {
        this.array = helpers.getMember("array");
        this.object = helpers.getMember("object");
        this.json = helpers.getMember("json");
        this.undefined = helpers.getMember("undefined");
    }

    Value undefined() {
        return undefined;
    }

    Object orUndefined(Object value) {
        return value == null ? undefined : value;
    }

    Value array(List<?> items) {
        return array.execute(ProxyArray.fromList(new ArrayList<>(items)));
    }

    Value object(Map<String, ?> entries) {
        return object.execute(ProxyArray.fromList(new ArrayList<>(entries.keySet())),
                ProxyArray.fromList(new ArrayList<>(entries.values())));
    }

    Object converted(DataAttributes.Converted c) {
        if (c.value() == null) {
            return undefined;
        }
        if (c.json()) {
            try {
                return json.execute(c.value());
            } catch (org.graalvm.polyglot.PolyglotException e) {
                return c.value(); // k6 keeps text that only looks like JSON
            }
        }
        return c.value();
    }
}
