package dev.weft.js.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits JavaScript/TypeScript text into tokens for {@link TypeStripper}: words, numbers,
 * strings, whole template literals, regular expression literals and punctuators; comments and
 * white space are skipped but line breaks are noted. Multi-character operators are kept apart
 * where type syntax needs it ({@code >>} is two {@code >}), except {@code =>}, {@code ?.},
 * {@code ...}, {@code !=} and {@code !==}. Single use, not thread-safe.
 */
final class TsLexer {
    /** Words after which a slash starts a regular expression, not a division. */
    private static final Set<String> BEFORE_REGEX = Set.of("return", "typeof", "case", "do", "else", "in",
            "instanceof", "new", "delete", "void", "throw", "yield", "await", "of");

    private final String src;
    private final List<TsToken> tokens = new ArrayList<>();
    private int pos;
    private boolean nl;

    private TsLexer(String src) {
        this.src = src;
    }

    static List<TsToken> tokenize(String src) {
        TsLexer lexer = new TsLexer(src);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipSpaceAndComments();
            if (pos >= src.length()) {
                return;
            }
            char c = src.charAt(pos);
            int start = pos;
            TsToken.Kind kind;
            if (Character.isJavaIdentifierStart(c) || c == '#') {
                pos++;
                while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
                    pos++;
                }
                kind = TsToken.Kind.WORD;
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                pos++;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                        || src.charAt(pos) == '_')) {
                    pos++;
                }
                kind = TsToken.Kind.NUMBER;
            } else if (c == '"' || c == '\'') {
                string(c);
                kind = TsToken.Kind.STRING;
            } else if (c == '`') {
                template();
                kind = TsToken.Kind.TEMPLATE;
            } else if (c == '/' && regexAllowed()) {
                regex();
                kind = TsToken.Kind.REGEX;
            } else {
                punct();
                kind = TsToken.Kind.PUNCT;
            }
            tokens.add(new TsToken(kind, start, pos, src.substring(start, pos), nl));
            nl = false;
        }
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                nl = true;
                pos++;
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (src.startsWith("/*", pos)) {
                int end = src.indexOf("*/", pos + 2);
                end = end < 0 ? src.length() : end + 2;
                if (src.substring(pos, end).indexOf('\n') >= 0) {
                    nl = true;
                }
                pos = end;
            } else {
                return;
            }
        }
    }

    private void string(char quote) {
        pos++;
        while (pos < src.length() && src.charAt(pos) != quote && src.charAt(pos) != '\n') {
            pos += src.charAt(pos) == '\\' ? 2 : 1;
        }
        pos = Math.min(pos + 1, src.length());
    }

    /** A whole template literal, ${...} parts included (nested braces, strings and templates). */
    private void template() {
        pos++;
        while (pos < src.length() && src.charAt(pos) != '`') {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
            } else if (c == '$' && pos + 1 < src.length() && src.charAt(pos + 1) == '{') {
                pos += 2;
                int depth = 1;
                while (pos < src.length() && depth > 0) {
                    char d = src.charAt(pos);
                    if (d == '{') {
                        depth++;
                        pos++;
                    } else if (d == '}') {
                        depth--;
                        pos++;
                    } else if (d == '\'' || d == '"') {
                        string(d);
                    } else if (d == '`') {
                        template();
                    } else {
                        pos++;
                    }
                }
            } else {
                pos++;
            }
        }
        pos = Math.min(pos + 1, src.length());
    }

    private boolean regexAllowed() {
        if (tokens.isEmpty()) {
            return true;
        }
        TsToken prev = tokens.get(tokens.size() - 1);
        return switch (prev.kind()) {
            case NUMBER, STRING, TEMPLATE, REGEX -> false;
            case WORD -> BEFORE_REGEX.contains(prev.text());
            case PUNCT -> !(prev.is(")") || prev.is("]") || prev.is("}"));
        };
    }

    private void regex() {
        pos++;
        boolean inClass = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '\n') {
                break;
            }
            pos++;
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                break;
            }
        }
        while (pos < src.length() && Character.isLetter(src.charAt(pos))) {
            pos++;
        }
    }

    private void punct() {
        for (String op : new String[] {"...", "!==", "=>", "?.", "!="}) {
            if (src.startsWith(op, pos) && !(op.equals("?.") && pos + 2 < src.length()
                    && Character.isDigit(src.charAt(pos + 2)))) {
                pos += op.length();
                return;
            }
        }
        if (src.startsWith("===", pos) || src.startsWith("&&", pos) || src.startsWith("||", pos)
                || src.startsWith("??", pos) || src.startsWith("==", pos) || src.startsWith("++", pos)
                || src.startsWith("--", pos) || src.startsWith("**", pos)) {
            pos += src.startsWith("===", pos) ? 3 : 2;
            return;
        }
        pos++;
    }
}
