package dev.weft.js.loader;

/**
 * One token of a TypeScript source as {@link TsLexer} sees it.
 *
 * @param kind     what sort of token
 * @param start    offset of its first character
 * @param end      offset after its last character
 * @param text     its text (for punctuators and words)
 * @param nlBefore true when a line break comes between it and the previous token
 */
record TsToken(Kind kind, int start, int end, String text, boolean nlBefore) {
    enum Kind { WORD, NUMBER, STRING, TEMPLATE, REGEX, PUNCT }

    boolean is(String s) {
        return text.equals(s) && (kind == Kind.PUNCT || kind == Kind.WORD);
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }
}
