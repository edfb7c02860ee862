package dev.weft.js.module.html;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * A set of nodes of a parsed document with k6's (goquery's, jQuery's) traversal rules: results
 * are unique and, where jQuery says so, in document order; the document node itself is never an
 * element parent. Immutable: each traversal returns a new selection remembering the one it came
 * from ({@link #end()}). Used only on the VU thread that parsed the document.
 */
final class Selection {
    private final List<Node> nodes;
    private final Selection previous;

    Selection(List<Node> nodes, Selection previous) {
        this.nodes = List.copyOf(nodes);
        this.previous = previous;
    }

    List<Node> nodes() {
        return nodes;
    }

    int size() {
        return nodes.size();
    }

    Selection end() {
        return previous == null ? new Selection(List.of(), null) : previous;
    }

    private Selection with(Collection<? extends Node> result) {
        return new Selection(new ArrayList<>(new LinkedHashSet<>(result)), this);
    }

    static Evaluator evaluator(String selector) {
        return QueryParser.parse(selector);
    }

    static boolean matches(Node n, Evaluator e) {
        return n instanceof Element el && !(n instanceof Document) && el.is(e);
    }

    private List<Element> elements() {
        List<Element> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element parentElement(Node n) {
        Node p = n.parentNode();
        return p instanceof Element e && !(p instanceof Document) ? e : null;
    }

    // --- traversal ---

    Selection find(String selector) {
        List<Node> out = new ArrayList<>();
        for (Element root : elements()) {
            for (Element found : Selector.select(selector, root)) {
                if (found != root) {
                    out.add(found);
                }
            }
        }
        return with(out);
    }

    /** Descendants of this selection that are among {@code candidates}. */
    Selection findAmong(List<Node> candidates) {
        List<Node> out = new ArrayList<>();
        for (Node c : candidates) {
            for (Node p = c.parentNode(); p != null; p = p.parentNode()) {
                if (nodes.contains(p)) {
                    out.add(c);
                    break;
                }
            }
        }
        return with(out);
    }

    Selection children(String selector) {
        List<Node> out = new ArrayList<>();
        for (Element e : elements()) {
            out.addAll(e.children());
        }
        return filtered(out, selector);
    }

    Selection contents() {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            out.addAll(n.childNodes());
        }
        return with(out);
    }

    Selection parent(String selector) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            Element p = parentElement(n);
            if (p != null) {
                out.add(p);
            }
        }
        return filtered(out, selector);
    }

    Selection parents(String selector) {
        return filtered(walk(n -> parentElement(n), null), selector);
    }

    Selection closest(Predicate<Node> test) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            for (Node c = n; c != null; c = parentElement(c)) {
                if (c instanceof Element && test.test(c)) {
                    out.add(c);
                    break;
                }
            }
        }
        return with(out);
    }

    Selection next(String selector) {
        return step(Element::nextElementSibling, selector);
    }

    Selection prev(String selector) {
        return step(Element::previousElementSibling, selector);
    }

    Selection nextAll(String selector) {
        return filtered(walk(n -> n instanceof Element e ? e.nextElementSibling() : null, null), selector);
    }

    Selection prevAll(String selector) {
        return filtered(walk(n -> n instanceof Element e ? e.previousElementSibling() : null, null), selector);
    }

    /** Siblings (or ancestors) up to, not including, the first that {@code until} accepts. */
    Selection nextUntil(Predicate<Node> until, String filter) {
        return filtered(walk(n -> n instanceof Element e ? e.nextElementSibling() : null, until), filter);
    }

    Selection prevUntil(Predicate<Node> until, String filter) {
        return filtered(walk(n -> n instanceof Element e ? e.previousElementSibling() : null, until), filter);
    }

    Selection parentsUntil(Predicate<Node> until, String filter) {
        return filtered(walk(Selection::parentElement, until), filter);
    }

    Selection siblings(String selector) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            Element p = n.parentNode() instanceof Element e ? e : null;
            if (p != null) {
                for (Element s : p.children()) {
                    if (s != n) {
                        out.add(s);
                    }
                }
            }
        }
        return filtered(out, selector);
    }

    private Selection step(Function<Element, Element> move, String selector) {
        List<Node> out = new ArrayList<>();
        for (Element e : elements()) {
            Element m = move.apply(e);
            if (m != null) {
                out.add(m);
            }
        }
        return filtered(out, selector);
    }

    private List<Node> walk(Function<Node, Node> move, Predicate<Node> until) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            for (Node m = move.apply(n); m != null; m = move.apply(m)) {
                if (until != null && until.test(m)) {
                    break;
                }
                out.add(m);
            }
        }
        return out;
    }

    private Selection filtered(List<Node> candidates, String selector) {
        if (selector == null) {
            return with(candidates);
        }
        Evaluator e = evaluator(selector);
        return with(candidates.stream().filter(n -> matches(n, e)).toList());
    }

    // --- filtering ---

    Selection filter(Predicate<Node> keep) {
        return with(nodes.stream().filter(keep).toList());
    }

    Selection has(Predicate<Node> descendantTest) {
        return filter(n -> n instanceof Element e
                && e.getAllElements().stream().anyMatch(d -> d != e && descendantTest.test(d)));
    }

    Selection eq(int index) {
        int i = index < 0 ? nodes.size() + index : index;
        return with(i >= 0 && i < nodes.size() ? List.of(nodes.get(i)) : List.of());
    }

    Selection slice(int start, int end) {
        int s = Math.max(0, start < 0 ? nodes.size() + start : start);
        int e = Math.min(nodes.size(), end < 0 ? nodes.size() + end : end);
        return with(s < e ? nodes.subList(s, e) : List.of());
    }

    Selection add(List<Node> more) {
        List<Node> all = new ArrayList<>(nodes);
        all.addAll(more);
        return with(all);
    }

    /** The whole document the first node belongs to, for add(selector). */
    Selection documentFind(String selector) {
        if (nodes.isEmpty() || nodes.get(0).ownerDocument() == null) {
            return with(List.of());
        }
        return with(new ArrayList<>(Selector.select(selector, nodes.get(0).ownerDocument())));
    }

    // --- reading ---

    /** The text of every node and its descendants, unnormalised, as goquery's Text(). */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            appendText(n, sb);
        }
        return sb.toString();
    }

    static void appendText(Node n, StringBuilder sb) {
        if (n instanceof TextNode t) {
            sb.append(t.getWholeText());
        } else if (n instanceof DataNode d) {
            sb.append(d.getWholeData());
        } else {
            for (Node c : n.childNodes()) {
                appendText(c, sb);
            }
        }
    }

    /** The inner HTML of the first node, or null for an empty selection. */
    String html() {
        if (nodes.isEmpty()) {
            return null;
        }
        Node first = nodes.get(0);
        return first instanceof Element e ? e.html() : "";
    }

    /** The first element's attribute, or null when there is none. */
    String attr(String name) {
        for (Node n : nodes) {
            if (n instanceof Element e) {
                return e.hasAttr(name) ? e.attr(name) : null;
            }
            return null;
        }
        return null;
    }

    int indexAmongSiblings() {
        if (nodes.isEmpty() || !(nodes.get(0) instanceof Element e)) {
            return -1;
        }
        return e.elementSiblingIndex();
    }
}
