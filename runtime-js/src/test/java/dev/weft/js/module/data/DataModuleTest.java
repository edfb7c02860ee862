package dev.weft.js.module.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.js.JsVu;
import dev.weft.js.module.ScriptedVus;
import dev.weft.vu.IterationOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DataModuleTest {
    private static final String USERS = """
            import { check } from 'k6';
            import { SharedArray } from 'k6/data';
            const users = new SharedArray('users', function () {
              console.log('building users');
              return JSON.parse(open('./users.json'));
            });
            """;
    private static final String USERS_JSON = """
            [{"name": "ann", "active": true, "tags": ["a"]}, {"name": "bob", "active": false, "tags": []},
             {"name": "cy", "active": true, "tags": ["c", "d"]}, 7, "text", null]
            """;

    @Test
    void theFunctionRunsOnceForAllVusEvenWhenTheyStartTogether() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of(USERS + """
                export default function () {
                  check(users, { ['vu ' + __VU + ' sees 6']: (u) => u.length === 6 && u[0].name === 'ann' });
                }
                """, "users.json", USERS_JSON)) {
            List<CompletableFuture<IterationOutcome>> runs = new ArrayList<>();
            for (int id = 1; id <= 3; id++) {
                int vuId = id;
                CompletableFuture<IterationOutcome> f = new CompletableFuture<>();
                Thread.ofVirtual().start(() -> {
                    try {
                        f.complete(vus.iterate(vus.vu(vuId), 0));
                    } catch (Exception e) {
                        f.completeExceptionally(e);
                    }
                });
                runs.add(f);
            }
            for (CompletableFuture<IterationOutcome> r : runs) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo(IterationOutcome.COMPLETED);
            }
            assertThat(vus.logs()).containsExactly("info: building users");
            assertThat(vus.checks()).hasSize(3).doesNotContainValue(false);
        }
    }

    @Test
    void elementsReadLikeAnArray() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of(USERS + """
                export default function () {
                  const names = [];
                  for (const u of users) if (u && u.name) names.push(u.name);
                  let count = 0;
                  users.forEach(() => count++);
                  check(users, {
                    'length': (u) => u.length === 6,
                    'index': (u) => u[2].tags[1] === 'd' && u[3] === 7 && u[4] === 'text' && u[5] === null,
                    'past the end': (u) => u[6] === undefined && u[-1] === undefined,
                    'for of': () => names.join() === 'ann,bob,cy',
                    'forEach': () => count === 6,
                    'map and filter': (u) => u.filter((x) => x && x.active).map((x) => x.name).join() === 'ann,cy',
                    'is an array': (u) => Array.isArray(u),
                    'in': (u) => 0 in u && !(6 in u),
                    'keys': (u) => Object.keys(u).length === 6,
                    'stringify': (u) => JSON.stringify(u).startsWith('[{"name":"ann"'),
                    'slice': (u) => u.slice(1, 2)[0].name === 'bob',
                    'copies each read': (u) => u[0] !== u[0],
                  });
                }
                """, "users.json", USERS_JSON)) {
            assertThat(vus.runOnce()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vus.checks()).hasSize(12).doesNotContainValue(false);
        }
    }

    @Test
    void writesAreTypeErrors() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of(USERS + """
                function typeError(fn) {
                  try { fn(); return false; } catch (e) { return e instanceof TypeError; }
                }
                export default function () {
                  check(users, {
                    'assign': (u) => typeError(() => { u[0] = 1; }),
                    'push': (u) => typeError(() => u.push(1)),
                    'length': (u) => typeError(() => { u.length = 0; }),
                    'delete': (u) => typeError(() => { delete u[0]; }),
                    'element frozen': (u) => typeError(() => { u[0].name = 'x'; }),
                    'nested frozen': (u) => typeError(() => { u[0].tags.push('x'); }),
                  });
                }
                """, "users.json", USERS_JSON)) {
            assertThat(vus.runOnce()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vus.checks()).hasSize(6).doesNotContainValue(false);
        }
    }

    @Test
    void aSharedArrayOutsideInitCodeFailsTheIteration() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of("""
                import { SharedArray } from 'k6/data';
                export default function () { new SharedArray('late', () => [1]); }
                """)) {
            assertThat(vus.runOnce()).isEqualTo(IterationOutcome.FAILED);
            assertThat(vus.logs()).singleElement().satisfies(l -> assertThat(l)
                    .contains("new SharedArray must be called in the init context"));
        }
    }

    @Test
    void aFailedBuildIsRetriedByTheNextVu() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of("""
                import { SharedArray } from 'k6/data';
                const a = new SharedArray('flaky', () => {
                  if (__VU === 1) throw new Error('first VU fails');
                  return ['ok'];
                });
                export default function () { if (a[0] !== 'ok') throw new Error('bad'); }
                """)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> vus.vu(1)).hasMessageContaining("first VU fails");
            JsVu second = vus.vu(2);
            assertThat(vus.iterate(second, 0)).isEqualTo(IterationOutcome.COMPLETED);
        }
    }

    @Test
    void argumentErrorsFollowK6() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of("""
                import { SharedArray } from 'k6/data';
                new SharedArray('', () => []);
                export default function () {}
                """)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> vus.vu(1))
                    .hasMessageContaining("empty name provided to SharedArray's constructor");
        }
    }
}
