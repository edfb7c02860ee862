package dev.weft.js.module.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * k6's Selection as scripts see it: a read-only object of jQuery-like methods over a
 * {@link Selection}. Decodes arguments (selector text, another Selection, an Element, or a
 * function) and calls script callbacks. Used only on the owning VU's thread.
 */
final class SelectionObject implements ProxyObject {
    private static final List<String> METHODS = List.of("add", "attr", "children", "closest", "contents", "data",
            "each", "end", "eq", "filter", "find", "first", "get", "has", "html", "index", "is", "last", "map",
            "next", "nextAll", "nextUntil", "not", "parent", "parents", "parentsUntil", "prev", "prevAll",
            "prevUntil", "serialize", "serializeArray", "serializeObject", "siblings", "single", "size", "slice",
            "text", "toArray", "val");

    private final Selection sel;
    private final JsHelpers js;

    SelectionObject(Selection sel, JsHelpers js) {
        this.sel = sel;
        this.js = js;
    }

    Selection selection() {
        return sel;
    }

    private SelectionObject wrap(Selection s) {
        return new SelectionObject(s, js);
    }

    @Override
    public Object getMember(String key) {
        if (key.equals("length")) {
            return sel.size();
        }
        return method(key);
    }

    private ProxyExecutable method(String key) {
        return switch (key) {
            case "find" -> a -> wrap(find(arg(a, 0)));
            case "children" -> a -> wrap(sel.children(text(a, 0)));
            case "parent" -> a -> wrap(sel.parent(text(a, 0)));
            case "parents" -> a -> wrap(sel.parents(text(a, 0)));
            case "next" -> a -> wrap(sel.next(text(a, 0)));
            case "nextAll" -> a -> wrap(sel.nextAll(text(a, 0)));
            case "prev" -> a -> wrap(sel.prev(text(a, 0)));
            case "prevAll" -> a -> wrap(sel.prevAll(text(a, 0)));
            case "siblings" -> a -> wrap(sel.siblings(text(a, 0)));
            case "nextUntil" -> a -> wrap(sel.nextUntil(untilTest(a), text(a, 1)));
            case "prevUntil" -> a -> wrap(sel.prevUntil(untilTest(a), text(a, 1)));
            case "parentsUntil" -> a -> wrap(sel.parentsUntil(untilTest(a), text(a, 1)));
            case "closest" -> a -> wrap(sel.closest(test(arg(a, 0))));
            case "has" -> a -> wrap(sel.has(test(arg(a, 0))));
            case "contents" -> a -> wrap(sel.contents());
            case "end" -> a -> wrap(sel.end());
            case "first" -> a -> wrap(sel.eq(0));
            case "last" -> a -> wrap(sel.eq(-1));
            case "eq" -> a -> wrap(sel.eq(arg(a, 0).asInt()));
            case "slice" -> a -> wrap(sel.slice(arg(a, 0).asInt(), a.length > 1 ? a[1].asInt() : sel.size()));
            case "add" -> a -> wrap(add(arg(a, 0)));
            case "single" -> a -> wrap(sel.find(arg(a, 0).asString()).eq(0));
            case "filter" -> a -> wrap(sel.filter(keep(arg(a, 0), true)));
            case "not" -> a -> wrap(sel.filter(keep(arg(a, 0), false)));
            case "is" -> a -> sel.filter(keep(arg(a, 0), true)).size() > 0;
            case "size" -> a -> sel.size();
            case "text" -> a -> sel.text();
            case "html" -> a -> js.orUndefined(sel.html());
            case "attr" -> a -> attr(a);
            case "val" -> a -> value(FormValues.val(sel.nodes()));
            case "data" -> a -> data(a);
            case "index" -> a -> index(a);
            case "each" -> a -> each(function(a, "each"));
            case "map" -> a -> map(function(a, "map"));
            case "get" -> a -> get(a);
            case "toArray" -> a -> js.array(sel.nodes().stream().map(n -> wrap(new Selection(List.of(n), sel))).toList());
            case "serialize" -> a -> FormValues.serialize(sel);
            case "serializeArray" -> a -> js.array(FormValues.serializeArray(sel).stream()
                    .map(f -> js.object(Map.of("name", f.name(), "value", value(f.value())))).toList());
            case "serializeObject" -> a -> serializeObject();
            default -> null;
        };
    }

    private static Value arg(Value[] a, int i) {
        if (a.length <= i) {
            throw new IllegalArgumentException("missing argument " + (i + 1));
        }
        return a[i];
    }

    /** An optional selector text: absent, null or undefined give null. */
    private static String text(Value[] a, int i) {
        return a.length > i && !a[i].isNull() ? (a[i].isString() ? a[i].asString() : a[i].toString()) : null;
    }

    private Selection find(Value v) {
        if (v.isString()) {
            return sel.find(v.asString());
        }
        return sel.findAmong(nodesOf(v));
    }

    private Selection add(Value v) {
        return v.isString() ? sel.add(sel.documentFind(v.asString()).nodes()) : sel.add(nodesOf(v));
    }

    /** The nodes of a Selection or Element argument. */
    private static List<Node> nodesOf(Value v) {
        if (v.isProxyObject()) {
            Object o = v.asProxyObject();
            if (o instanceof SelectionObject s) {
                return s.sel.nodes();
            }
            if (o instanceof ElementObject e) {
                return List.of(e.node());
            }
        }
        throw new IllegalArgumentException("invalid argument, cannot use a '" + v + "' as a selector");
    }

    private static Predicate<Node> test(Value v) {
        if (v.isString()) {
            var e = Selection.evaluator(v.asString());
            return n -> Selection.matches(n, e);
        }
        Set<Node> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(nodesOf(v));
        return set::contains;
    }

    private static Predicate<Node> untilTest(Value[] a) {
        return a.length == 0 || a[0].isNull() ? n -> false : test(a[0]);
    }

    /** filter()/not()/is(): a selector, a selection, an element, or fn(index, selection). */
    private Predicate<Node> keep(Value v, boolean keepMatches) {
        if (v.canExecute()) {
            List<Node> nodes = sel.nodes();
            return n -> truthy(v.execute(nodes.indexOf(n), wrap(new Selection(List.of(n), sel)))) == keepMatches;
        }
        Predicate<Node> t = test(v);
        return keepMatches ? t : t.negate();
    }

    private static boolean truthy(Value r) {
        if (r == null || r.isNull()) {
            return false;
        }
        if (r.isBoolean()) {
            return r.asBoolean();
        }
        if (r.isNumber()) {
            double d = r.asDouble();
            return d != 0 && !Double.isNaN(d);
        }
        return !r.isString() || !r.asString().isEmpty();
    }

    private static Value function(Value[] a, String name) {
        if (a.length == 0 || !a[0].canExecute()) {
            throw new IllegalArgumentException("the argument to " + name + "() must be a function");
        }
        return a[0];
    }

    private Object attr(Value[] a) {
        String v = sel.attr(arg(a, 0).asString());
        if (v != null) {
            return v;
        }
        return a.length > 1 ? a[1] : js.undefined();
    }

    private Object value(Object v) {
        return v instanceof List<?> l ? js.array(l) : js.orUndefined(v);
    }

    private Object data(Value[] a) {
        if (sel.size() == 0 || !(sel.nodes().get(0) instanceof Element e) || e.attributesSize() == 0) {
            return js.undefined();
        }
        if (a.length > 0 && !a[0].isNull()) {
            return js.converted(DataAttributes.get(e, a[0].asString()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        DataAttributes.all(e).forEach((k, c) -> out.put(k, js.converted(c)));
        return js.object(out);
    }

    private int index(Value[] a) {
        if (a.length == 0 || a[0].isNull()) {
            return sel.indexAmongSiblings();
        }
        Value v = a[0];
        if (v.isString()) {
            Selection all = sel.documentFind(v.asString());
            return sel.size() == 0 ? -1 : all.nodes().indexOf(sel.nodes().get(0));
        }
        List<Node> others = nodesOf(v);
        return others.isEmpty() ? -1 : sel.nodes().indexOf(others.get(0));
    }

    private SelectionObject each(Value fn) {
        List<Node> nodes = sel.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            fn.execute(i, new ElementObject(nodes.get(i), new Selection(List.of(nodes.get(i)), sel), js));
        }
        return this;
    }

    private Value map(Value fn) {
        List<Object> out = new ArrayList<>();
        List<Node> nodes = sel.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            out.add(fn.execute(i, wrap(new Selection(List.of(nodes.get(i)), sel))));
        }
        return js.array(out);
    }

    private Object get(Value[] a) {
        List<Node> nodes = sel.nodes();
        if (a.length == 0 || a[0].isNull()) {
            return js.array(nodes.stream().map(n -> new ElementObject(n, new Selection(List.of(n), sel), js)).toList());
        }
        int i = a[0].asInt();
        if (i >= nodes.size() || i <= -nodes.size()) {
            return js.undefined();
        }
        Node n = nodes.get(i < 0 ? nodes.size() + i : i);
        return new ElementObject(n, new Selection(List.of(n), sel), js);
    }

    private Value serializeObject() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FormValues.Field f : FormValues.serializeArray(sel)) {
            out.put(f.name(), value(f.value()));
        }
        return js.object(out);
    }

    @Override
    public Object getMemberKeys() {
        List<String> keys = new ArrayList<>(METHODS);
        keys.add("length");
        return ProxyArray.fromList(new ArrayList<>(keys));
    }

    @Override
    public boolean hasMember(String key) {
        return key.equals("length") || METHODS.contains(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("Selection is read-only");
    }
}
