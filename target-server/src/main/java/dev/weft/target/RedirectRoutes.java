package dev.weft.target;

import java.util.List;

/**
 * Redirect chains: /redirect/{n} and /absolute-redirect/{n} (absolute Location),
 * /relative-redirect/{n} (relative Location), each ending at /get, and
 * /redirect-to?url=..&status_code=.. for one redirect with a chosen status. Stateless.
 */
final class RedirectRoutes {
    private RedirectRoutes() {
    }

    static TargetResponse chain(TargetRequest req, List<String> seg, boolean absolute) {
        int n = seg.size() < 2 ? 1 : (int) BodyRoutes.parseDouble(seg.get(1), 1);
        String base = absolute ? req.url().substring(0, req.url().indexOf('/', 8)) : "";
        String next = n <= 1 ? "/get" : "/" + seg.get(0) + "/" + (n - 1);
        return TargetResponse.redirect(302, base + next);
    }

    static TargetResponse redirectTo(TargetRequest req) {
        String url = req.queryParam("url");
        if (url == null) {
            return TargetResponse.text(400, "usage: /redirect-to?url=..&status_code=..");
        }
        String status = req.queryParam("status_code");
        int code = status == null ? 302 : (int) BodyRoutes.parseDouble(status, 302);
        if (code < 300 || code > 399) {
            code = 302;
        }
        return TargetResponse.redirect(code, url);
    }
}
