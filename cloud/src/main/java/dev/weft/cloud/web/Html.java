package dev.weft.cloud.web;

/** HTML text helpers for the server-rendered pages. Stateless. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /** A whole page around {@code body}, with the app's stylesheets and optional scripts (served under /static/). */
    static String page(String title, String body, String... scripts) {
        StringBuilder s = new StringBuilder();
        for (String script : scripts) {
            s.append("<script src=\"").append(script).append("\"></script>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="color-scheme" content="light dark">
                <title>%s · Weft results</title>
                <link rel="stylesheet" href="/static/uplot.css">
                <link rel="stylesheet" href="/static/app.css">
                </head><body>
                <header><nav><a class="brand" href="/">Weft results</a><a href="/projects">Projects &amp; tests</a></nav><form class="logout" method="post" action="/logout"><button type="submit" id="logout">Log out</button></form></header>
                <main>%s</main>
                %s</body></html>
                """.formatted(escape(title), body, s);
    }
}
