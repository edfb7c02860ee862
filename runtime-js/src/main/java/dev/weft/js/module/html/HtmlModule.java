package dev.weft.js.module.html;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import java.util.List;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The {@code k6/html} module: {@code parseHTML(src)} returns a read-only, jQuery-like
 * {@link SelectionObject} over a jsoup document (k6 uses goquery over Go's HTML5 parser; jsoup
 * is the same HTML5 algorithm with CSS selectors). {@link #instance} runs once per VU on its
 * thread; documents and selections stay on that thread.
 */
public final class HtmlModule implements JsModule {
    @Override
    public String name() {
        return "k6/html";
    }

    @Override
    public List<String> exportNames() {
        return List.of("parseHTML");
    }

    @Override
    public Object instance(VuScope vu) {
        HostObject host = new HostObject().fn("parser", args -> {
            JsHelpers js = new JsHelpers(args[0]);
            return (ProxyExecutable) a -> parse(a.length == 0 || a[0].isNull() ? "" : a[0].asString(), js);
        });
        return vu.scripts().instantiate(vu, "html.js", host.build());
    }

    private static SelectionObject parse(String src, JsHelpers js) {
        Document doc = Jsoup.parse(src);
        doc.outputSettings().prettyPrint(false); // html() returns the markup as written, as goquery does
        return new SelectionObject(new Selection(List.of(doc), null), js);
    }
}
