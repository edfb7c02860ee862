package dev.weft.js.module.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.js.module.ScriptedVus;
import dev.weft.vu.IterationOutcome;
import org.junit.jupiter.api.Test;

class EncodingModuleTest {
    @Test
    void encodesAndDecodesStringsAndArrayBuffersInEveryVariant() throws Exception {
        String script = """
                import { check } from 'k6';
                import encoding, { b64encode, b64decode } from 'k6/encoding';
                const bytes = (ab) => Array.from(new Uint8Array(ab)).join(',');
                export default function () {
                  const buf = new Uint8Array([104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100]).buffer;
                  const odd = new Uint8Array([0xfb, 0xff, 0xfe]).buffer;
                  check(null, {
                    'std string': () => b64encode('hello world') === 'aGVsbG8gd29ybGQ=',
                    'default export': () => encoding.b64encode('hello world', 'std') === 'aGVsbG8gd29ybGQ=',
                    'std buffer': () => b64encode(buf) === 'aGVsbG8gd29ybGQ=',
                    'typed array view': () => b64encode(new Uint8Array(buf, 6)) === 'd29ybGQ=',
                    'rawstd': () => b64encode('hello world', 'rawstd') === 'aGVsbG8gd29ybGQ',
                    'url': () => b64encode(odd, 'url') === '-__-',
                    'std alphabet': () => b64encode(odd) === '+//+',
                    'rawurl': () => b64encode('ab', 'rawurl') === 'YWI',
                    'url padded': () => b64encode('ab', 'url') === 'YWI=',
                    'unicode as utf-8': () => b64encode('é') === 'w6k=',
                    'decode to string': () => b64decode('aGVsbG8gd29ybGQ=', 'std', 's') === 'hello world',
                    'decode rawurl to string': () => b64decode('YWI', 'rawurl', 's') === 'ab',
                    'decode to ArrayBuffer': () => {
                      const r = b64decode('-__-', 'url');
                      return r instanceof ArrayBuffer && bytes(r) === '251,255,254';
                    },
                    'decode default is std buffer': () => bytes(b64decode('aGk=')) === '104,105',
                  });
                }
                """;
        try (ScriptedVus vus = ScriptedVus.of(script)) {
            assertThat(vus.runOnce()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vus.checks()).hasSize(14).doesNotContainValue(false);
        }
    }

    @Test
    void badBase64FailsTheIteration() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of("""
                import { b64decode } from 'k6/encoding';
                export default function () { b64decode('!!!', 'std', 's'); }
                """)) {
            assertThat(vus.runOnce()).isEqualTo(IterationOutcome.FAILED);
        }
    }
}
