package dev.weft.js.loader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The second pass of {@link TypeStripper}, after types are erased: what esbuild (k6's
 * TypeScript loader) also drops. A local {@code export { Shape, area }} loses the names that
 * are only types ({@code interface}, {@code type} aliases, type imports), and an import
 * binding no value code uses any more goes (it named a type, which the other module's
 * stripped code no longer exports). Token ranges are handed to {@code erase}; one instance
 * per file, on the loading thread.
 */
final class TypeOnlyNames {
    private final String src;
    private final List<TsToken> toks;
    private final int[] match;
    private final boolean[] erased;
    private final BiConsumer<Integer, Integer> erase;

    TypeOnlyNames(String src, List<TsToken> toks, int[] match, boolean[] erased, BiConsumer<Integer, Integer> erase) {
        this.src = src;
        this.toks = toks;
        this.match = match;
        this.erased = erased;
        this.erase = erase;
    }

    void run() {
        Set<String> types = typeNames();
        for (int i = 0; i < toks.size(); i++) {
            if (!erased[i] && toks.get(i).is("export") && at(next(i), "{") && !at(next(match[next(i)]), "from")) {
                int open = next(i);
                dropSpecifiers(open, name -> types.contains(name) && unused(name, open, match[open]));
            }
        }
        for (int i = 0; i < toks.size(); i++) {
            if (!erased[i] && toks.get(i).is("import") && !at(next(i), "(") && !at(next(i), ".")) {
                unusedImports(i);
            }
        }
    }

    /** Names declared by erased {@code interface}/{@code type} statements and erased type imports. */
    private Set<String> typeNames() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i + 1 < toks.size(); i++) {
            if (!erased[i]) {
                continue;
            }
            TsToken t = toks.get(i);
            if ((t.is("interface") || t.is("type")) && toks.get(i + 1).isWord() && erased[i + 1]
                    && !toks.get(i + 1).is("as")) {
                names.add(toks.get(i + 1).text());
            }
            if (t.is("import") && i + 2 < toks.size() && toks.get(i + 1).is("type") && toks.get(i + 2).is("{")) {
                for (int k = i + 3; k < match[i + 2]; k++) {
                    if (toks.get(k).isWord() && !toks.get(k).is("as") && !toks.get(k + 1).is("as")) {
                        names.add(toks.get(k).text());
                    }
                }
            }
        }
        return names;
    }

    /** Erases the specifiers of the list opened at {@code open} whose local name {@code drop} accepts. */
    private void dropSpecifiers(int open, java.util.function.Predicate<String> drop) {
        int close = match[open];
        List<int[]> specs = new ArrayList<>();
        int start = -1;
        for (int k = open + 1; k <= close; k++) {
            if (erased[k] && k != close) {
                continue;
            }
            if (toks.get(k).is(",") || k == close) {
                if (start >= 0) {
                    specs.add(new int[] {start, prevLive(k)});
                }
                start = -1;
            } else if (start < 0) {
                start = k;
            }
        }
        for (int[] s : specs) {
            TsToken local = toks.get(s[0]);
            if (local.isWord() && drop.test(local.text())) {
                int from = s[0];
                int end = s[1];
                int comma = next(end);
                if (at(comma, ",")) {
                    end = comma;
                } else if (at(prevLive(from), ",")) {
                    from = prevLive(from);
                }
                erase.accept(from, end);
            }
        }
    }

    private void unusedImports(int imp) {
        int end = statementEnd(imp);
        int j = next(imp);
        if (j >= toks.size() || !toks.get(j).isWord()) {
            if (!at(j, "{")) {
                return; // a side-effect or namespace import: kept
            }
        } else {
            int name = j;
            int after = next(name);
            boolean gone = unused(toks.get(name).text(), imp, end);
            if (!at(after, ",") && !at(after, "from")) {
                return;
            }
            if (gone) {
                // "X," goes, or "X from" (leaving import 'x': the module still runs)
                erase.accept(name, after);
            }
            if (at(after, "from")) {
                return;
            }
            j = next(after);
        }
        if (!at(j, "{")) {
            return;
        }
        int close = match[j];
        List<String> locals = new ArrayList<>();
        for (int k = j + 1; k < close; k++) {
            if (!erased[k] && toks.get(k).isWord() && (at(next(k), ",") || next(k) == close)) {
                locals.add(toks.get(k).text());
            }
        }
        Set<String> unused = new HashSet<>();
        for (String name : locals) {
            if (unused(name, imp, end)) {
                unused.add(name);
            }
        }
        int open = j;
        if (!unused.isEmpty()) {
            dropSpecifiers(open, name -> unused.contains(localOf(open, name)));
        }
    }

    /** The local binding of the specifier that starts with {@code first} ({@code a as b} binds b). */
    private String localOf(int open, String first) {
        for (int k = open + 1; k < match[open]; k++) {
            if (!erased[k] && toks.get(k).is(first) && (k == open + 1 || at(prevLive(k), ","))) {
                int n = next(k);
                return at(n, "as") ? toks.get(next(n)).text() : first;
            }
        }
        return first;
    }

    /** True when no live code outside the import statement [from, to] names {@code name}. */
    private boolean unused(String name, int from, int to) {
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])");
        for (int k = 0; k < toks.size(); k++) {
            if (k >= from && k <= to || erased[k]) {
                continue;
            }
            TsToken t = toks.get(k);
            if (t.isWord() && t.text().equals(name)) {
                int p = prevLive(k);
                if (p < 0 || !(at(p, ".") || at(p, "?."))) {
                    return false;
                }
            } else if (t.kind() == TsToken.Kind.TEMPLATE && word.matcher(src.substring(t.start(), t.end())).find()) {
                return false;
            }
        }
        return true;
    }

    private int statementEnd(int imp) {
        for (int k = imp; k < toks.size(); k++) {
            if (toks.get(k).kind() == TsToken.Kind.STRING && k > imp) {
                return at(next(k), ";") ? next(k) : k;
            }
        }
        return toks.size() - 1;
    }

    private int next(int i) {
        int k = i + 1;
        while (k < toks.size() && erased[k]) {
            k++;
        }
        return k;
    }

    private int prevLive(int i) {
        int k = i - 1;
        while (k >= 0 && erased[k]) {
            k--;
        }
        return k;
    }

    private boolean at(int i, String text) {
        return i >= 0 && i < toks.size() && toks.get(i).is(text);
    }
}
