package dev.weft.cloud.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/runs/{id}/thresholds}: each threshold of the run with the value its
 * expression tests, computed from the stored aggregates of the metric (or submetric: the
 * series whose tags match its selector, e.g. {@code http_req_duration{scenario:api}}), its
 * statistic and limit parsed for drawing, and whether it held: the runner's verdict from the
 * finish call when there is one, else the observed value against the limit. Percentiles come
 * from the stored histograms (three significant digits), a counter's rate is per second of
 * the run's wall time at the service. Stateless.
 */
final class ThresholdValues {
    private static final Pattern EXPRESSION = Pattern.compile(
            "\\s*(avg|min|max|med|count|rate|value|p\\(\\s*[0-9.]+\\s*\\))\\s*(<=|>=|===|==|!=|<|>)\\s*(-?[0-9.eE+-]+)\\s*");

    /** A threshold's source parsed: statistic, operator, limit; null parts when it does not parse. */
    record Expression(String stat, String op, Double limit) {
        static Expression parse(String source) {
            Matcher m = EXPRESSION.matcher(source);
            if (!m.matches()) {
                return new Expression(null, null, null);
            }
            try {
                return new Expression(m.group(1).replace(" ", ""), m.group(2), Double.parseDouble(m.group(3)));
            } catch (NumberFormatException e) {
                return new Expression(null, null, null);
            }
        }

        Boolean holds(double observed) {
            if (op == null || Double.isNaN(observed)) {
                return null;
            }
            return switch (op) {
                case "<" -> observed < limit;
                case "<=" -> observed <= limit;
                case ">" -> observed > limit;
                case ">=" -> observed >= limit;
                case "==", "===" -> observed == limit;
                default -> observed != limit;
            };
        }
    }

    /** A threshold key split: the metric and the selector's tags. */
    record MetricKey(String metric, Map<String, String> selector) {
        static MetricKey parse(String key) {
            int brace = key.indexOf('{');
            if (brace < 0 || !key.endsWith("}")) {
                return new MetricKey(key.trim(), Map.of());
            }
            Map<String, String> tags = new LinkedHashMap<>();
            for (String part : key.substring(brace + 1, key.length() - 1).split(",")) {
                int colon = part.indexOf(':');
                if (colon > 0) {
                    tags.put(part.substring(0, colon).trim(), unquote(part.substring(colon + 1).trim()));
                }
            }
            return new MetricKey(key.substring(0, brace).trim(), tags);
        }

        private static String unquote(String v) {
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                return v.substring(1, v.length() - 1);
            }
            return v;
        }
    }

    private ThresholdValues() {
    }

    /** The metrics the run's thresholds are on (what to load). */
    static Set<String> metrics(Map<String, List<String>> thresholds) {
        Set<String> out = new java.util.TreeSet<>();
        thresholds.keySet().forEach(k -> out.add(MetricKey.parse(k).metric()));
        return out;
    }

    /** The selectors of the run's thresholds (an empty map for a plain metric). */
    static Set<Map<String, String>> selectors(Map<String, List<String>> thresholds) {
        Set<Map<String, String>> out = new java.util.HashSet<>();
        thresholds.keySet().forEach(k -> out.add(MetricKey.parse(k).selector()));
        return out;
    }

    static List<Map<String, Object>> of(RunData data) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, List<String>> thresholds = data.run.thresholds();
        Map<String, Map<String, Boolean>> results = data.run.thresholdResults();
        double seconds = data.seconds();
        for (Map.Entry<String, List<String>> e : thresholds.entrySet()) {
            MetricKey key = MetricKey.parse(e.getKey());
            Fold fold = data.metric(key.metric(), key.selector());
            for (String source : e.getValue()) {
                Expression x = Expression.parse(source);
                Double observed = fold == null || x.stat() == null ? null : Json.num(fold.stat(x.stat(), seconds));
                Boolean failed = results == null || results.get(e.getKey()) == null ? null
                        : results.get(e.getKey()).get(source);
                Boolean ok = failed != null ? Boolean.valueOf(!failed)
                        : observed == null ? null : x.holds(observed);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("metric", e.getKey());
                m.put("expression", source);
                m.put("observed", observed);
                m.put("ok", ok);
                m.put("abortOnFail", false);
                m.put("stat", x.stat());
                m.put("limit", x.limit());
                m.put("type", fold == null ? null : fold.type);
                out.add(m);
            }
        }
        return out;
    }
}
