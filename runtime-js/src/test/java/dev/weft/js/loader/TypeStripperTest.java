package dev.weft.js.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TypeStripperTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("variable annotation", "let n: number = 1;", "let n = 1;"),
                Arguments.of("const with generic type", "const m: Map<string, number[]> = new Map();",
                        "const m = new Map();"),
                Arguments.of("destructuring annotation", "const { a, b }: Pair = p;", "const { a, b } = p;"),
                Arguments.of("definite assignment", "let x!: string;", "let x;"),
                Arguments.of("function params and return type",
                        "function f(a: string, b?: number): boolean { return true; }",
                        "function f(a, b) { return true; }"),
                Arguments.of("default value after a type", "function f(a: number = 2) {}", "function f(a = 2) {}"),
                Arguments.of("ternary in a default value stays",
                        "function f(a = x ? 1 : 2, b: T) {}", "function f(a = x ? 1 : 2, b) {}"),
                Arguments.of("generic function", "export function id<T>(x: T): T { return x; }",
                        "export function id(x) { return x; }"),
                Arguments.of("arrow with types", "const f = (a: number, b: number): number => a + b;",
                        "const f = (a, b) => a + b;"),
                Arguments.of("arrow in a call", "xs.map((x: Item) => x.id)", "xs.map((x) => x.id)"),
                Arguments.of("generic arrow", "const g = <T>(x: T) => x;", "const g = (x) => x;"),
                Arguments.of("object literal stays", "const o = { a: 1, b: 'x' };", "const o = { a: 1, b: 'x' };"),
                Arguments.of("ternary stays", "const v = c ? a : b;", "const v = c ? a : b;"),
                Arguments.of("as cast", "const r = JSON.parse(s) as Result;", "const r = JSON.parse(s);"),
                Arguments.of("as const", "const t = ['a', 'b'] as const;", "const t = ['a', 'b'];"),
                Arguments.of("satisfies", "export const options = { vus: 1 } satisfies Options;",
                        "export const options = { vus: 1 };"),
                Arguments.of("non-null assertion", "const l = res.headers!['Location'];",
                        "const l = res.headers['Location'];"),
                Arguments.of("negation stays", "if (!ok && a != b) {}", "if (!ok && a != b) {}"),
                Arguments.of("interface", "interface User {\n  id: number;\n  name?: string;\n}\nlet u = 1;",
                        "\n\n\n\nlet u = 1;"),
                Arguments.of("exported interface", "export interface A extends B<C> { x: number }", ""),
                Arguments.of("type alias", "type Id = string | number;\nconst x = 1;", "\nconst x = 1;"),
                Arguments.of("multi-line union alias", "type S =\n  | 'a'\n  | 'b';\nlet y = 2;", "\n\n\nlet y = 2;"),
                Arguments.of("object type alias", "export type P = { a: number; b: string };\nlet z;", "\nlet z;"),
                Arguments.of("import type", "import type { Options } from 'k6/options';\nimport http from 'k6/http';\nhttp.get(u);",
                        "\nimport http from 'k6/http';\nhttp.get(u);"),
                Arguments.of("inline type specifier", "import { check, type Checkers } from 'k6';\ncheck(r, {});",
                        "import { check } from 'k6';\ncheck(r, {});"),
                Arguments.of("import rename stays", "import { a as b } from './m.js'; b();",
                        "import { a as b } from './m.js'; b();"),
                Arguments.of("unused imports go, as esbuild drops them (they may name types)",
                        "import Def, { used, Shape, type T } from './m.ts';\nimport Only from './o.ts';\nused(`${x}`);",
                        "import { used } from './m.ts';\nimport 'o.ts';\nused(`${x}`);".replace("'o.ts'", "'./o.ts'")),
                Arguments.of("an import named only inside a template stays",
                        "import { fmt } from './m.ts';\nconst s = `${fmt(1)}`;",
                        "import { fmt } from './m.ts';\nconst s = `${fmt(1)}`;"),
                Arguments.of("type-only names leave a local export list",
                        "interface Shape { a: number }\ntype Id = string;\nfunction area() {}\nexport { Shape, area, Id as Key };",
                        "\n\nfunction area() {}\nexport { area };"),
                Arguments.of("a name that is a type and a value stays exported",
                        "const Point = 1;\ntype Point = { x: number };\nexport { Point };",
                        "const Point = 1;\n\nexport { Point };"),
                Arguments.of("namespace import stays", "import * as ns from './m.js';", "import * as ns from './m.js';"),
                Arguments.of("class members", "class C<T> implements I {\n  private n: number = 0;\n  readonly s?: string;\n"
                        + "  get(k: string): T | undefined { return undefined; }\n}",
                        "class C {\n  n = 0;\n  s;\n  get(k) { return undefined; }\n}"),
                Arguments.of("new with type arguments", "const m = new Map<string, Array<number>>();",
                        "const m = new Map();"),
                Arguments.of("call with type arguments", "const d = parse<Data>(text);", "const d = parse(text);"),
                Arguments.of("comparisons stay", "for (let i = 0; i < n; i++) { if (a > b) {} }",
                        "for (let i = 0; i < n; i++) { if (a > b) {} }"),
                Arguments.of("declare", "declare const __ENV: Record<string, string>;\nlet q;", "\nlet q;"),
                Arguments.of("function type annotation", "let cb: (r: Response) => void = go;", "let cb = go;"),
                Arguments.of("method return type in object", "const o = { f(a: number): string { return ''; } };",
                        "const o = { f(a) { return ''; } };"),
                Arguments.of("strings and regexes untouched", "const s = 'a: b'; const re = /x: y/g;",
                        "const s = 'a: b'; const re = /x: y/g;"),
                Arguments.of("type predicate return", "function isS(x: unknown): x is string { return true; }",
                        "function isS(x) { return true; }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void erases_typescript_syntax_to_valid_javascript(String name, String ts, String js) {
        assertThat(squash(TypeStripper.strip(ts))).isEqualTo(squash(js));
    }

    @Test
    void keeps_every_line_and_column_in_place() {
        String ts = "const a: number = 1;\nfunction f(x: string): void {\n  throw new Error(x);\n}\n";
        String js = TypeStripper.strip(ts);
        assertThat(js).hasSameSizeAs(ts);
        assertThat(js.split("\n", -1)).hasSize(ts.split("\n", -1).length);
        assertThat(js.indexOf("throw")).isEqualTo(ts.indexOf("throw"));
    }

    @Test
    void enums_are_refused_with_their_place() {
        assertThatThrownBy(() -> TypeStripper.strip("let a = 1;\nenum Color { Red, Green }"))
                .isInstanceOf(TypeScriptException.class)
                .hasMessageContaining("enums")
                .satisfies(e -> assertThat(((TypeScriptException) e).line()).isEqualTo(2));
    }

    @Test
    void constructor_parameter_properties_are_refused() {
        assertThatThrownBy(() -> TypeStripper.strip("class A { constructor(private x: number) {} }"))
                .isInstanceOf(TypeScriptException.class).hasMessageContaining("parameter properties");
    }

    /** Collapses runs of spaces so tests compare code, not the blanks erasing leaves. */
    private static String squash(String s) {
        return s.replaceAll("[ \\t]+", " ").replaceAll("(\\w) ([(\\[])", "$1$2").replaceAll(" ([,;)\\]}])", "$1").replaceAll("([(\\[{]) ", "$1")
                .replaceAll(" \n", "\n").replaceAll("\n ", "\n").trim();
    }
}
