package dev.weft.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** /cookies (echo), /cookies/set?k=v and /cookies/set/{k}/{v}, /cookies/delete?k. Stateless. */
final class CookieRoutes {
    private CookieRoutes() {
    }

    static TargetResponse handle(TargetRequest req, List<String> seg) {
        if (seg.size() == 1) {
            return TargetResponse.json(Json.write(Map.of("cookies", cookies(req))));
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>(req.queryParams());
        TargetResponse r = TargetResponse.redirect(302, "/cookies");
        switch (seg.get(1)) {
            case "set" -> {
                if (seg.size() >= 4) {
                    pairs.add(Map.entry(seg.get(2), seg.get(3)));
                }
                for (Map.Entry<String, String> e : pairs) {
                    r = r.withHeader("Set-Cookie", e.getKey() + "=" + e.getValue() + "; Path=/");
                }
            }
            case "delete" -> {
                for (Map.Entry<String, String> e : pairs) {
                    r = r.withHeader("Set-Cookie", e.getKey()
                            + "=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/");
                }
            }
            default -> {
                return TargetResponse.text(404, "not found");
            }
        }
        return r;
    }

    static Map<String, String> cookies(TargetRequest req) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> h : req.headers()) {
            if (!h.getKey().equalsIgnoreCase("Cookie")) {
                continue;
            }
            for (String pair : h.getValue().split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
        }
        return out;
    }
}
