package dev.weft.js.loader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Turns TypeScript into JavaScript the way k6 runs .ts files: by erasing types. Erased text is
 * replaced with spaces (line breaks kept), so every line and column of the output is the one
 * of the input and error locations need no source map.
 *
 * <p>Supported, TypeScript's erasable syntax (what Node's type stripping also accepts): type
 * annotations on variables, parameters, return types and class fields; optional ({@code ?})
 * and definite ({@code !}) markers; {@code interface}; {@code type} aliases; {@code import
 * type} / {@code export type} and inline {@code type} specifiers; {@code as} and {@code
 * satisfies} casts; non-null assertions; generics in declarations and type arguments on
 * calls and {@code new}; {@code implements}; {@code declare}; {@code abstract class};
 * access modifiers on class members. Refused with a clear error: {@code enum}, {@code
 * namespace}/{@code module} blocks and constructor parameter properties, which need code
 * generation. Stateless; one call per file, on the loading thread.
 */
public final class TypeStripper {
    private static final Set<String> MODIFIERS = Set.of("public", "private", "protected", "readonly", "override",
            "declare", "abstract");
    private static final Set<String> NOT_CALLEES = Set.of("if", "for", "while", "switch", "with", "return", "typeof",
            "await", "yield", "new", "delete", "void", "in", "of", "instanceof", "case", "throw", "else", "do");

    private final String src;
    private final List<TsToken> toks;
    private final int[] match;
    private final int[] parent;
    private final char[] out;
    private final boolean[] erased;
    private final Deque<Integer> classBodies = new ArrayDeque<>();
    private final Set<Integer> paramOpens = new java.util.HashSet<>();

    private TypeStripper(String src) {
        this.src = src;
        this.toks = TsLexer.tokenize(src);
        int[][] brackets = TsBrackets.match(toks);
        this.match = brackets[0];
        this.parent = brackets[1];
        this.out = src.toCharArray();
        this.erased = new boolean[toks.size()];
    }

    /** The script with its types erased; a {@link TypeScriptException} for unsupported syntax. */
    public static String strip(String typescript) {
        TypeStripper s = new TypeStripper(typescript);
        s.run();
        return new String(s.out);
    }

    /** True for file names k6 treats as TypeScript. */
    public static boolean isTypeScript(String fileName) {
        return fileName.endsWith(".ts") || fileName.endsWith(".mts") || fileName.endsWith(".cts");
    }

    private void run() {
        for (int i = 0; i < toks.size(); i++) {
            if (erased[i]) {
                continue;
            }
            if (!classBodies.isEmpty() && i > classBodies.peek()) {
                classBodies.pop();
            }
            i = step(i);
        }
        new TypeOnlyNames(src, toks, match, erased, this::erase).run();
    }

    /** Looks at token i; erases what is type syntax there; returns the last token it handled. */
    private int step(int i) {
        TsToken t = toks.get(i);
        if (t.isWord()) {
            return word(i, t.text());
        }
        if (t.is("(")) {
            return paren(i);
        }
        if (t.is(":") && paramOpens.contains(parent[i]) && isParameterName(prev(i))) {
            return eraseType(i, i + 1);
        }
        if (t.is("?") && paramOpens.contains(parent[i]) && isParameterName(prev(i))
                && (at(i + 1, ":") || at(i + 1, ",") || at(i + 1, ")") || at(i + 1, "="))) {
            erase(i, i);
            return i;
        }
        if (t.is("!") && i > 0 && endsExpression(prev(i)) && !t.nlBefore()) {
            erase(i, i);
            return i;
        }
        if (t.is("<")) {
            return angle(i);
        }
        return i;
    }

    private int word(int i, String w) {
        boolean stmt = atStatementStart(i);
        switch (w) {
            case "interface" -> {
                if (stmt && wordAt(i + 1)) {
                    int open = find(i, "{");
                    return eraseStatement(exportStart(i), match[open]);
                }
            }
            case "type" -> {
                if (stmt && wordAt(i + 1) && (at(i + 2, "=") || at(i + 2, "<"))) {
                    return eraseStatement(exportStart(i), aliasEnd(i + 2));
                }
            }
            case "declare" -> {
                if (stmt && wordAt(i + 1) && !toks.get(i + 1).nlBefore()) {
                    return eraseStatement(exportStart(i), declarationEnd(i + 1));
                }
            }
            case "enum", "namespace", "module" -> {
                if (stmt && wordAt(i + 1) && (at(i + 2, "{") || w.equals("enum"))
                        && !toks.get(i + 1).nlBefore()) {
                    throw unsupported(i, w.equals("enum") ? "enums" : "namespaces");
                }
            }
            case "abstract" -> {
                if (at(i + 1, "class")) {
                    erase(i, i);
                }
            }
            case "import", "export" -> {
                return importExport(i);
            }
            case "as", "satisfies" -> {
                if (i > 0 && endsExpression(prev(i)) && !at(prev(i), "*") && startsType(i + 1)) {
                    int end = at(i + 1, "const") ? i + 2 : skipType(i + 1);
                    erase(i, end - 1);
                    return end - 1;
                }
            }
            case "let", "const", "var" -> {
                return declaration(i);
            }
            case "class" -> {
                return classHeader(i);
            }
            case "implements" -> {
                int open = find(i, "{");
                erase(i, open - 1);
                return open - 1;
            }
            default -> {
                return member(i);
            }
        }
        return i;
    }

    /** import/export lists: inline {@code type} specifiers go; {@code as} there is a rename. */
    private int importExport(int i) {
        if (at(i + 1, "type") && !at(i + 2, "from") && !at(i + 2, ",") && !at(i + 2, "=")) {
            return eraseStatement(i, statementEnd(i + 2));
        }
        int j = i + 1;
        if (toks.get(i).is("import") && wordAt(j) && at(j + 1, ",")) {
            j += 2;
        }
        if (!at(j, "{")) {
            return i;
        }
        int close = match[j];
        for (int k = j + 1; k < close; k++) {
            if (toks.get(k).is("type") && wordAt(k + 1) && !at(k + 1, "as") || (toks.get(k).is("type")
                    && at(k + 1, "as") && wordAt(k + 2) && !at(k + 2, ",") && !at(k + 2, "}"))) {
                int end = k + 1;
                if (at(end + 1, "as")) {
                    end += 2;
                }
                int from = k;
                if (at(end + 1, ",")) {
                    end++;
                } else if (at(prev(k), ",")) {
                    from = prev(k);
                }
                erase(from, end);
                k = end;
            }
        }
        return close;
    }

    private int declaration(int i) {
        int j = i + 1;
        if (at(j, "{") || at(j, "[")) {
            j = match[j];
        } else if (!wordAt(j)) {
            return i;
        }
        if (at(j + 1, "!") && at(j + 2, ":")) {
            erase(j + 1, j + 1);
            j++;
        }
        if (at(j + 1, ":")) {
            return eraseType(j + 1, j + 2);
        }
        return j;
    }

    private int classHeader(int i) {
        int j = i + 1;
        if (wordAt(j) && !at(j, "extends") && !at(j, "implements")) {
            j++;
        }
        if (at(j, "<")) {
            int close = angleEnd(j);
            erase(j, close);
            j = close + 1;
        }
        int open = find(j, "{");
        classBodies.push(match[open]);
        for (int k = j; k < open; k++) {
            if (at(k, "implements")) {
                erase(k, open - 1);
                break;
            }
            if (at(k, "<")) {
                int close = angleEnd(k);
                erase(k, close);
                k = close;
            }
        }
        return open;
    }

    /** Class members: modifiers, field types, index signatures, generic methods. */
    private int member(int i) {
        if (classBodies.isEmpty() || !isClassBodyMember(i)) {
            return i;
        }
        int j = i;
        while (MODIFIERS.contains(toks.get(j).text()) && toks.get(j).isWord()
                && (wordAt(j + 1) || at(j + 1, "[") || toks.get(j + 1).kind() == TsToken.Kind.STRING)
                && !at(j + 1, "(") ) {
            if (toks.get(j).is("abstract") || toks.get(j).is("declare")) {
                throw unsupported(j, "abstract and declared class members");
            }
            erase(j, j);
            j++;
        }
        if (at(j, "static") && !at(j + 1, "(") && !at(j + 1, "=")) {
            j++;
        }
        if (at(j + 1, "?") || at(j + 1, "!")) {
            if (at(j + 2, ":") || at(j + 2, ";") || at(j + 2, "=")) {
                erase(j + 1, j + 1);
                j++;
            }
        }
        if (at(j + 1, ":")) {
            return eraseType(j + 1, j + 2);
        }
        if (at(j + 1, "<")) {
            int close = angleEnd(j + 1);
            erase(j + 1, close);
            return close;
        }
        return j;
    }

    private boolean isClassBodyMember(int i) {
        if (classBodies.isEmpty()) {
            return false;
        }
        int p = prev(i);
        if (p < 0) {
            return false;
        }
        TsToken pt = toks.get(p);
        int body = match[classBodies.peek()];
        boolean afterSeparator = pt.is(";") || pt.is("}") || p == body || toks.get(i).nlBefore();
        return afterSeparator && parent[i] == body;
    }

    /** A parenthesis: parameter list or not; then its return type. */
    private int paren(int i) {
        int close = match[i];
        if (close < 0) {
            return i;
        }
        boolean params = false;
        int p = prev(i);
        if (p >= 0 && (toks.get(p).is("function") || toks.get(p).is("catch")
                || (toks.get(p).isWord() && p > 0 && toks.get(prev(p)).is("function")))) {
            params = true;
        } else if (at(close + 1, "=>")) {
            params = true;
        } else if (at(close + 1, ":") && startsType(close + 2) && at(skipType(close + 2), "=>")) {
            params = true;
        } else if (p >= 0 && (toks.get(p).isWord() && !NOT_CALLEES.contains(toks.get(p).text()) || toks.get(p).is("]"))
                && (at(close + 1, "{") || at(close + 1, ":") && at(skipType(close + 2), "{"))) {
            params = true;
        }
        if (!params) {
            return i;
        }
        paramOpens.add(i);
        if (toks.get(i + 1).is("this") && (at(i + 2, ":"))) {
            int end = skipType(i + 3);
            erase(i + 1, at(end, ",") ? end : end - 1);
        }
        checkParameterProperties(i, close);
        if (at(close + 1, ":")) {
            int end = skipType(close + 2);
            erase(close + 1, end - 1);
        }
        return i;
    }

    private void checkParameterProperties(int open, int close) {
        if (open == 0 || !toks.get(prev(open)).is("constructor")) {
            return;
        }
        for (int k = open + 1; k < close; k++) {
            if (MODIFIERS.contains(toks.get(k).text()) && wordAt(k + 1) && parent[k] == open) {
                throw unsupported(k, "constructor parameter properties");
            }
        }
    }

    /** Generic parameters of arrow functions, methods, calls and {@code new}. */
    private int angle(int i) {
        int close = angleEnd(i);
        if (close < 0) {
            return i;
        }
        int p = prev(i);
        boolean calleeBefore = p >= 0 && (toks.get(p).isWord() && !NOT_CALLEES.contains(toks.get(p).text())
                || toks.get(p).is(")") || toks.get(p).is("]"));
        boolean arrowGeneric = (p < 0 || !endsExpression(p)) && at(close + 1, "(");
        if ((calleeBefore && at(close + 1, "(")) || arrowGeneric) {
            erase(i, close);
            return close;
        }
        return i;
    }

    /** The matching {@code >} of a {@code <} whose contents are all type syntax, or -1. */
    private int angleEnd(int open) {
        int depth = 0;
        for (int k = open; k < toks.size(); k++) {
            TsToken t = toks.get(k);
            if (t.is("<")) {
                depth++;
            } else if (t.is(">")) {
                if (--depth == 0) {
                    return k;
                }
            } else if (t.is("(") || t.is("[") || t.is("{")) {
                if (match[k] < 0) {
                    return -1;
                }
                k = match[k];
            } else if (!(t.isWord() || t.kind() == TsToken.Kind.STRING || t.kind() == TsToken.Kind.NUMBER
                    || t.is(",") || t.is(".") || t.is("|") || t.is("&") || t.is("=") || t.is("=>") || t.is("?")
                    || t.is(":") || t.is("-"))) {
                return -1;
            }
        }
        return -1;
    }

    /** Erases the colon at {@code colon} and the type starting at {@code typeStart}. */
    private int eraseType(int colon, int typeStart) {
        int end = skipType(typeStart);
        erase(colon, end - 1);
        return end - 1;
    }

    /** The index of the first token after the type starting at {@code i}. */
    int skipType(int i) {
        if (at(i, "|") || at(i, "&")) {
            i++;
        }
        i = unaryType(i);
        while (at(i, "|") || at(i, "&")) {
            i = unaryType(i + 1);
        }
        if (at(i, "extends") && !toks.get(i).nlBefore()) {
            i = skipType(i + 1);
            if (at(i, "?")) {
                i = skipType(i + 1);
                if (at(i, ":")) {
                    i = skipType(i + 1);
                }
            }
        }
        return i;
    }

    private int unaryType(int i) {
        while (at(i, "keyof") || at(i, "typeof") || at(i, "readonly") || at(i, "unique") || at(i, "infer")
                || at(i, "asserts")) {
            i++;
        }
        if (i >= toks.size()) {
            return i;
        }
        TsToken t = toks.get(i);
        if (t.is("{") || t.is("[")) {
            i = match[i] + 1;
        } else if (t.is("(")) {
            i = match[i] + 1;
            if (at(i, "=>")) {
                return skipType(i + 1);
            }
        } else if (t.is("<")) {
            i = angleEnd(i) + 1;
            return unaryType(i);
        } else if (t.is("new") && (at(i + 1, "(") || at(i + 1, "<"))) {
            return unaryType(i + 1);
        } else if (t.is("-") && i + 1 < toks.size() && toks.get(i + 1).kind() == TsToken.Kind.NUMBER) {
            i += 2;
        } else if (t.isWord()) {
            i++;
            while (at(i, ".") && wordAt(i + 1)) {
                i += 2;
            }
            if (at(i, "<")) {
                int close = angleEnd(i);
                if (close > 0) {
                    i = close + 1;
                }
            }
            if (at(i, "is") && !toks.get(i).nlBefore()) {
                return skipType(i + 1);
            }
        } else if (t.kind() != TsToken.Kind.PUNCT) {
            i++;
        } else {
            return i;
        }
        while (at(i, "[") && !toks.get(i).nlBefore() && match[i] > 0) {
            i = match[i] + 1;
        }
        return i;
    }

    private boolean startsType(int i) {
        if (i >= toks.size()) {
            return false;
        }
        TsToken t = toks.get(i);
        return t.isWord() || t.is("{") || t.is("[") || t.is("(") || t.is("<") || t.kind() == TsToken.Kind.STRING
                || t.kind() == TsToken.Kind.NUMBER || t.is("|") || t.is("&") || t.is("-");
    }

    /** The last token of a type alias: its type, then an optional semicolon. */
    private int aliasEnd(int i) {
        if (at(i, "<")) {
            i = angleEnd(i) + 1;
        }
        int end = skipType(i + 1);
        return at(end, ";") ? end : end - 1;
    }

    private int declarationEnd(int i) {
        for (int k = i; k < toks.size(); k++) {
            if (at(k, ";")) {
                return k;
            }
            if (at(k, "{") && match[k] > 0) {
                return match[k];
            }
            if (k > i + 1 && toks.get(k).nlBefore() && !at(k, "|") && !at(k, "&") && !at(k - 1, ":")
                    && !at(k - 1, ",") && !at(k - 1, "=")) {
                return k - 1;
            }
            if (at(k, "(") || at(k, "[")) {
                k = match[k];
            }
        }
        return toks.size() - 1;
    }

    /** The last token of an import/export statement that may lack its semicolon. */
    private int statementEnd(int i) {
        for (int k = i; k < toks.size(); k++) {
            if (at(k, ";")) {
                return k;
            }
            if (at(k, "{") && match[k] > 0) {
                k = match[k];
            }
            boolean last = k + 1 >= toks.size() || toks.get(k + 1).nlBefore();
            if (at(k + 1, ";")) {
                return k + 1;
            }
            if (last && !at(k + 1, "from") && (toks.get(k).kind() == TsToken.Kind.STRING || at(k, "}")
                    || toks.get(k).isWord() && !at(k, "type"))) {
                return k;
            }
        }
        return toks.size() - 1;
    }

    /** Erases tokens from..to and a trailing semicolon that belongs to the statement. */
    private int eraseStatement(int from, int to) {
        erase(from, to);
        return to;
    }

    private int exportStart(int i) {
        int p = prev(i);
        return p >= 0 && toks.get(p).is("export") ? p : i;
    }

    private boolean atStatementStart(int i) {
        int p = prev(i);
        if (p < 0) {
            return true;
        }
        TsToken pt = toks.get(p);
        return pt.is(";") || pt.is("{") || pt.is("}") || pt.is("export") || pt.is("default")
                || toks.get(i).nlBefore() && !(pt.is(".") || pt.is("=") || pt.is(","));
    }

    /** True when token p ends a parameter's name or pattern (so a colon after it is a type). */
    private boolean isParameterName(int p) {
        if (p < 0) {
            return false;
        }
        TsToken t = toks.get(p);
        int start;
        if (t.isWord()) {
            start = p;
        } else if ((t.is("}") || t.is("]")) && match[p] >= 0) {
            start = match[p];
        } else {
            return false;
        }
        int before = prev(start);
        return before >= 0 && (at(before, "(") || at(before, ",") || at(before, "..."));
    }

    private boolean endsExpression(int p) {
        TsToken t = toks.get(p);
        return switch (t.kind()) {
            case WORD -> !NOT_CALLEES.contains(t.text());
            case NUMBER, STRING, TEMPLATE, REGEX -> true;
            case PUNCT -> t.is(")") || t.is("]") || t.is("}");
        };
    }


    private int prev(int i) {
        int k = i - 1;
        while (k >= 0 && erased[k]) {
            k--;
        }
        return k;
    }

    private int find(int from, String punct) {
        for (int k = from; k < toks.size(); k++) {
            if (at(k, punct)) {
                return k;
            }
        }
        throw unsupported(from, "this declaration (no \"" + punct + "\" after it)");
    }

    private boolean at(int i, String text) {
        return i >= 0 && i < toks.size() && toks.get(i).is(text);
    }

    private boolean wordAt(int i) {
        return i >= 0 && i < toks.size() && toks.get(i).isWord();
    }

    private void erase(int from, int to) {
        if (from > to) {
            return;
        }
        for (int k = from; k <= to; k++) {
            erased[k] = true;
        }
        for (int c = toks.get(from).start(); c < toks.get(to).end(); c++) {
            char ch = out[c];
            if (ch != '\n' && ch != '\r') {
                out[c] = ' ';
            }
        }
    }

    private TypeScriptException unsupported(int i, String what) {
        int line = 1;
        int col = 1;
        for (int c = 0; c < toks.get(i).start(); c++) {
            if (src.charAt(c) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new TypeScriptException(line, col, "TypeScript " + what
                + " can't be run by type stripping; Weft supports TypeScript's erasable syntax only");
    }
}
