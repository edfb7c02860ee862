package dev.weft.js.loader;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** Pairs up (), [] and {} tokens for {@link TypeStripper}. Stateless. */
final class TsBrackets {
    private TsBrackets() {
    }

    /**
     * For each token: the index of its partner bracket, or -1 ({@code match}); and the index of
     * the innermost bracket open around it, or -1 ({@code parent}).
     */
    static int[][] match(List<TsToken> toks) {
        int[] match = new int[toks.size()];
        int[] parent = new int[toks.size()];
        Arrays.fill(match, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < toks.size(); i++) {
            TsToken t = toks.get(i);
            boolean closing = t.kind() == TsToken.Kind.PUNCT && (t.text().equals(")") || t.text().equals("]")
                    || t.text().equals("}"));
            parent[i] = open.isEmpty() ? -1 : closing && open.size() > 1 ? secondOf(open) : closing ? -1 : open.peek();
            if (t.kind() != TsToken.Kind.PUNCT) {
                continue;
            }
            switch (t.text()) {
                case "(", "[", "{" -> open.push(i);
                case ")", "]", "}" -> {
                    if (!open.isEmpty()) {
                        int o = open.pop();
                        match[o] = i;
                        match[i] = o;
                    }
                }
                default -> { }
            }
        }
        return new int[][] {match, parent};
    }

    private static int secondOf(Deque<Integer> open) {
        var it = open.iterator();
        it.next();
        return it.next();
    }
}
