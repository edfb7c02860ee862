package dev.weft.js.module.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Form values as k6's Selection.val() and serialize*() read them: the value of the first
 * element (by input type, for select with its selected options), and the submittable named
 * controls of a form or a set of controls. Pure functions over jsoup nodes.
 */
final class FormValues {
    private static final String SUBMITTABLE = "input,select,textarea,keygen";

    /** One named value; {@code values} has several entries only for a multiple select. */
    record Field(String name, Object value) {
    }

    private FormValues() {
    }

    /** The value of the first node: a String, a List of Strings (select multiple), or null. */
    static Object val(List<Node> nodes) {
        if (nodes.isEmpty() || !(nodes.get(0) instanceof Element e)) {
            return null;
        }
        return switch (e.normalName()) {
            case "input" -> e.hasAttr("value") ? e.attr("value")
                    : e.attr("type").equals("radio") || e.attr("type").equals("checkbox") ? "on" : "";
            case "button" -> e.attr("value");
            case "textarea" -> e.html();
            case "option" -> valueOrHtml(e);
            case "select" -> {
                List<String> selected = new ArrayList<>();
                for (Element o : e.select("option[selected]")) {
                    selected.add(valueOrHtml(o));
                }
                if (e.hasAttr("multiple")) {
                    yield selected;
                }
                yield selected.isEmpty() ? "" : selected.get(0);
            }
            default -> null;
        };
    }

    private static String valueOrHtml(Element option) {
        return option.hasAttr("value") ? option.attr("value") : option.html();
    }

    static List<Field> serializeArray(Selection sel) {
        Selection controls = sel.nodes().stream().anyMatch(n -> n instanceof Element e && e.normalName().equals("form"))
                ? sel.find(SUBMITTABLE)
                : sel.filter(n -> Selection.matches(n, Selection.evaluator(SUBMITTABLE)));
        List<Field> out = new ArrayList<>();
        for (Node n : controls.nodes()) {
            Element e = (Element) n;
            String type = e.attr("type");
            boolean submittable = !e.attr("name").isEmpty() && !e.attr("disabled").equals("disabled")
                    && !List.of("submit", "button", "reset", "image", "file").contains(type)
                    && (e.attr("checked").equals("checked") || !(type.equals("checkbox") || type.equals("radio")));
            if (submittable) {
                out.add(new Field(e.attr("name"), val(List.of(e))));
            }
        }
        return out;
    }

    /** URL-encoded, keys sorted, as Go's url.Values.Encode() which k6 uses. */
    static String serialize(Selection sel) {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Field f : serializeArray(sel)) {
            List<String> values = byName.computeIfAbsent(f.name(), k -> new ArrayList<>());
            if (f.value() instanceof String s) {
                values.clear();
                values.add(s);
            } else if (f.value() instanceof List<?> l) {
                values.clear();
                l.forEach(v -> values.add(String.valueOf(v)));
            }
        }
        StringBuilder sb = new StringBuilder();
        byName.forEach((name, values) -> {
            for (String v : values) {
                if (!sb.isEmpty()) {
                    sb.append('&');
                }
                sb.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }
}
