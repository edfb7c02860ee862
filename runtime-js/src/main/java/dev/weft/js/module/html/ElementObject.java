package dev.weft.js.module.html;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * k6's Element: one DOM node with DOM-style methods ({@code el.textContent()},
 * {@code el.getAttribute('href')}...), plus the common attribute-backed accessors of k6's typed
 * elements ({@code el.href()}, {@code el.value()}...). Used only on the owning VU's thread.
 */
final class ElementObject implements ProxyObject {
    private static final List<String> METHODS = List.of("selection", "nodeName", "nodeType", "nodeValue", "id",
            "innerHTML", "textContent", "ownerDocument", "attributes", "firstChild", "lastChild",
            "childElementCount", "firstElementChild", "lastElementChild", "previousSibling", "nextSibling",
            "previousElementSibling", "nextElementSibling", "parentElement", "parentNode", "childNodes", "children",
            "classList", "className", "lang", "toString", "hasAttribute", "getAttribute", "getAttributeNode",
            "hasAttributes", "hasChildNodes", "isSameNode", "isEqualNode", "getElementsByClassName",
            "getElementsByTagName", "querySelector", "querySelectorAll", "contains", "matches", "namespaceURI",
            "isDefaultNamespace");
    /** Attribute-backed accessors of k6's typed elements that read the attribute as text. */
    private static final List<String> TEXT_ATTRIBUTES = List.of("name", "type", "src", "alt", "title", "rel",
            "target", "action", "method", "placeholder", "accept", "enctype", "download", "hreflang", "media",
            "charset", "content", "httpEquiv", "label", "dir", "accessKey", "autocomplete", "form", "for");

    private final Node node;
    private final Selection sel;
    private final JsHelpers js;

    ElementObject(Node node, Selection sel, JsHelpers js) {
        this.node = node;
        this.sel = sel;
        this.js = js;
    }

    Node node() {
        return node;
    }

    private Element element() {
        return node instanceof Element e ? e : null;
    }

    private Object of(Node n) {
        return n == null ? js.undefined() : new ElementObject(n, new Selection(List.of(n), sel), js);
    }

    private Value list(List<? extends Node> nodes) {
        List<Object> out = new ArrayList<>();
        nodes.forEach(n -> out.add(of(n)));
        return js.array(out);
    }

    private String attr(String name) {
        Element e = element();
        return e != null && e.hasAttr(name) ? e.attr(name) : "";
    }

    @Override
    public Object getMember(String key) {
        ProxyExecutable m = method(key);
        if (m != null) {
            return m;
        }
        if (TEXT_ATTRIBUTES.contains(key)) {
            return (ProxyExecutable) a -> attr(key.equals("httpEquiv") ? "http-equiv" : key.toLowerCase());
        }
        return typed(key);
    }

    private ProxyExecutable method(String key) {
        Element e = element();
        return switch (key) {
            case "selection" -> a -> new SelectionObject(sel, js);
            case "nodeName" -> a -> node instanceof Document ? "#document" : e != null ? e.normalName() : node.nodeName();
            case "nodeType" -> a -> nodeType();
            case "nodeValue" -> a -> node instanceof TextNode t ? t.getWholeText()
                    : node instanceof Comment c ? c.getData() : js.undefined();
            case "id" -> a -> attr("id");
            case "innerHTML" -> a -> e != null ? e.html() : "";
            case "textContent" -> a -> sel.text();
            case "ownerDocument" -> a -> of(node.ownerDocument());
            case "attributes" -> a -> attributes();
            case "firstChild" -> a -> of(node.childNodeSize() > 0 ? node.childNode(0) : null);
            case "lastChild" -> a -> of(node.childNodeSize() > 0 ? node.childNode(node.childNodeSize() - 1) : null);
            case "childElementCount" -> a -> e != null ? e.childrenSize() : 0;
            case "firstElementChild" -> a -> of(e != null ? e.firstElementChild() : null);
            case "lastElementChild" -> a -> of(e != null ? e.lastElementChild() : null);
            case "previousSibling" -> a -> of(node.previousSibling());
            case "nextSibling" -> a -> of(node.nextSibling());
            case "previousElementSibling" -> a -> of(e != null ? e.previousElementSibling() : null);
            case "nextElementSibling" -> a -> of(e != null ? e.nextElementSibling() : null);
            case "parentNode" -> a -> of(node.parentNode());
            case "parentElement" -> a -> of(node.parentNode() instanceof Element p && !(p instanceof Document) ? p : null);
            case "childNodes" -> a -> list(node.childNodes());
            case "children" -> a -> list(e != null ? e.children() : List.of());
            case "classList" -> a -> js.array(e != null ? new ArrayList<>(e.classNames()) : List.of());
            case "className" -> a -> attr("class");
            case "lang" -> a -> attr("lang");
            case "toString" -> a -> e != null ? "[object " + e.normalName() + "]" : "[object html.Node]";
            case "hasAttribute" -> a -> e != null && e.hasAttr(a[0].asString());
            case "getAttribute" -> a -> e != null && e.hasAttr(a[0].asString()) ? e.attr(a[0].asString()) : js.undefined();
            case "getAttributeNode" -> a -> e != null && e.hasAttr(a[0].asString())
                    ? attributeNode(a[0].asString()) : js.undefined();
            case "hasAttributes" -> a -> e != null && e.attributesSize() > 0;
            case "hasChildNodes" -> a -> node.childNodeSize() > 0;
            case "isSameNode" -> a -> other(a[0]) == node;
            case "isEqualNode" -> a -> other(a[0]) != null && other(a[0]).outerHtml().equals(node.outerHtml());
            case "getElementsByClassName" -> a -> list(sel.find("." + a[0].asString()).nodes());
            case "getElementsByTagName" -> a -> list(sel.find(a[0].asString()).nodes());
            case "querySelector" -> a -> {
                List<Node> found = sel.find(a[0].asString()).nodes();
                return found.isEmpty() ? js.undefined() : of(found.get(0));
            };
            case "querySelectorAll" -> a -> list(sel.find(a[0].asString()).nodes());
            case "contains" -> a -> contains(other(a[0]));
            case "matches" -> a -> Selection.matches(node, Selection.evaluator(a[0].asString()));
            case "namespaceURI" -> a -> "http://www.w3.org/1999/xhtml";
            case "isDefaultNamespace" -> a -> true;
            default -> null;
        };
    }

    /** Accessors with more than an attribute's text behind them. */
    private ProxyExecutable typed(String key) {
        Element e = element();
        if (e == null) {
            return null;
        }
        return switch (key) {
            case "href" -> a -> attr("href");
            case "value" -> a -> {
                Object v = FormValues.val(List.of(e));
                return v instanceof String s ? s : v == null ? attr("value") : js.array((List<?>) v);
            };
            case "text" -> a -> sel.text();
            case "checked", "disabled", "selected", "multiple", "required", "readonly", "autofocus" ->
                a -> e.hasAttr(key.toLowerCase());
            case "protocol", "host", "hostname", "port", "pathname", "search", "hash", "username", "password",
                    "origin" -> a -> UrlParts.part(attr("href"), key);
            default -> null;
        };
    }

    private int nodeType() {
        if (node instanceof Document) {
            return 9;
        }
        if (node instanceof Element) {
            return 1;
        }
        if (node instanceof TextNode) {
            return 3;
        }
        if (node instanceof Comment) {
            return 8;
        }
        return 0;
    }

    private Value attributes() {
        Map<String, Object> out = new LinkedHashMap<>();
        Element e = element();
        if (e != null) {
            e.attributes().forEach(attr -> out.put(attr.getKey(), attributeNode(attr.getKey())));
        }
        return js.object(out);
    }

    private Value attributeNode(String name) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("localName", name);
        a.put("value", element().attr(name));
        a.put("prefix", "");
        a.put("namespaceURI", "");
        return js.object(a);
    }

    private static Node other(Value v) {
        if (v != null && v.isProxyObject() && v.asProxyObject() instanceof ElementObject o) {
            return o.node;
        }
        return null;
    }

    private boolean contains(Node other) {
        for (Node n = other; n != null; n = n.parentNode()) {
            if (n == node) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromList(new ArrayList<>(METHODS));
    }

    @Override
    public boolean hasMember(String key) {
        return getMember(key) != null;
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("Element is read-only");
    }

    /** Parts of an anchor's URL, as the DOM's HTMLAnchorElement gives them. */
    private static final class UrlParts {
        static String part(String href, String key) {
            URI u;
            try {
                u = URI.create(href);
            } catch (IllegalArgumentException e) {
                return "";
            }
            String userInfo = u.getRawUserInfo() == null ? "" : u.getRawUserInfo();
            int colon = userInfo.indexOf(':');
            String port = u.getPort() < 0 ? "" : String.valueOf(u.getPort());
            String hostname = u.getHost() == null ? "" : u.getHost();
            return switch (key) {
                case "protocol" -> u.getScheme() == null ? "" : u.getScheme() + ":";
                case "hostname" -> hostname;
                case "port" -> port;
                case "host" -> port.isEmpty() ? hostname : hostname + ":" + port;
                case "pathname" -> u.getRawPath() == null ? "" : u.getRawPath();
                case "search" -> u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
                case "hash" -> u.getRawFragment() == null ? "" : "#" + u.getRawFragment();
                case "username" -> colon < 0 ? userInfo : userInfo.substring(0, colon);
                case "password" -> colon < 0 ? "" : userInfo.substring(colon + 1);
                case "origin" -> u.getScheme() == null ? "" : u.getScheme() + "://" + hostname
                        + (port.isEmpty() ? "" : ":" + port);
                default -> "";
            };
        }
    }
}
