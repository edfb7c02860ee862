package dev.weft.target;

import java.nio.charset.StandardCharsets;

/**
 * HTML pages as httpbin has them, for scripts that read pages with {@code res.html()},
 * {@code clickLink} and {@code submitForm}: {@code /html} (a page with a heading, a link and a
 * list), {@code /forms/post} (httpbin's order form, posting to {@code /post}) and
 * {@code /links/N/I} (N pages linking to each other). Stateless.
 */
final class HtmlRoutes {
    private HtmlRoutes() {
    }

    private static TargetResponse page(String html) {
        return TargetResponse.of(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static TargetResponse html() {
        return page("""
                <!DOCTYPE html>
                <html><head><title>Weft target</title></head>
                <body>
                  <h1 id="title">Herman Melville - Moby-Dick</h1>
                  <ul class="chapters"><li>Loomings</li><li>The Carpet-Bag</li><li>The Spouter-Inn</li></ul>
                  <a id="next" href="links/3/1">next</a>
                </body></html>
                """);
    }

    static TargetResponse formsPost() {
        return page("""
                <!DOCTYPE html>
                <html><body>
                <form method="post" action="/post">
                  <p><label>Customer name: <input name="custname" value="Ishmael"></label></p>
                  <p><label>Telephone: <input type="tel" name="custtel"></label></p>
                  <fieldset><legend>Pizza Size</legend>
                    <label><input type="radio" name="size" value="small"> Small</label>
                    <label><input type="radio" name="size" value="large" checked> Large</label>
                  </fieldset>
                  <p><textarea name="comments">no onions</textarea></p>
                  <p><button type="submit" name="order" value="now">Submit order</button></p>
                </form>
                </body></html>
                """);
    }

    /** {@code /links/n/offset}: page {@code offset} of {@code n}, linking to every other page. */
    static TargetResponse links(java.util.List<String> seg) {
        int n;
        int offset;
        try {
            n = Integer.parseInt(seg.get(1));
            offset = seg.size() > 2 ? Integer.parseInt(seg.get(2)) : 0;
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return TargetResponse.text(400, "use /links/N or /links/N/OFFSET");
        }
        if (n < 1 || n > 200) {
            return TargetResponse.text(400, "links: N must be 1..200");
        }
        StringBuilder b = new StringBuilder("<html><head><title>Links</title></head><body>");
        for (int i = 0; i < n; i++) {
            b.append(i == offset ? i + " " : "<a href='/links/" + n + "/" + i + "'>" + i + "</a> ");
        }
        return page(b.append("</body></html>").toString());
    }
}
