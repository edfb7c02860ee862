package dev.weft.js.module.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.js.module.ScriptedVus;
import dev.weft.vu.IterationOutcome;
import org.junit.jupiter.api.Test;

/** Known answers from RFC 1320 (MD4), RFC 1321 (MD5), FIPS 180 examples, the RIPEMD-160 page and RFCs 2202/2286/4231. */
class CryptoModuleTest {
    private static final String TABLE_RUNNER = """
            import { check } from 'k6';
            import crypto from 'k6/crypto';
            export function run(cases) {
              const results = {};
              for (const [name, fn, want] of cases) {
                results[name] = () => {
                  const got = fn();
                  if (got !== want) console.error(name + ': got ' + got);
                  return got === want;
                };
              }
              check(null, results);
            }
            """;

    private static void assertAllPass(String cases, int count) throws Exception {
        String script = TABLE_RUNNER + "export default function () { run(" + cases + "); }\n";
        try (ScriptedVus vus = ScriptedVus.of(script)) {
            assertThat(vus.runOnce()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vus.logs()).isEmpty();
            assertThat(vus.checks()).hasSize(count).doesNotContainValue(false);
        }
    }

    @Test
    void hashesMatchThePublishedVectors() throws Exception {
        assertAllPass("""
                [
                  ['md4 empty', () => crypto.md4('', 'hex'), '31d6cfe0d16ae931b73c59d7e0c089c0'],
                  ['md4 a', () => crypto.md4('a', 'hex'), 'bde52cb31de33e46245e05fbdbd6fb24'],
                  ['md4 abc', () => crypto.md4('abc', 'hex'), 'a448017aaf21d8525fc10ae87aa6729d'],
                  ['md4 message digest', () => crypto.md4('message digest', 'hex'), 'd9130a8164549fe818874806e1c7014b'],
                  ['md4 alphabet', () => crypto.md4('abcdefghijklmnopqrstuvwxyz', 'hex'), 'd79e1c308aa5bbcdeea8ed63df412da9'],
                  ['md4 80 digits', () => crypto.md4('1234567890'.repeat(8), 'hex'), 'e33b4ddc9c38f2199c3e7b164fcc0536'],
                  ['md5 abc', () => crypto.md5('abc', 'hex'), '900150983cd24fb0d6963f7d28e17f72'],
                  ['sha1 abc', () => crypto.sha1('abc', 'hex'), 'a9993e364706816aba3e25717850c26c9cd0d89d'],
                  ['sha256 k6 docs', () => crypto.sha256('hello world!', 'hex'), '7509e5bda0c762d2bac7f90d758b5b2263fa01ccbc542ab5e3df163be08e6ca9'],
                  ['sha384 abc', () => crypto.sha384('abc', 'hex'), 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7'],
                  ['sha512 abc', () => crypto.sha512('abc', 'hex'), 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f'],
                  ['sha512_224 abc', () => crypto.sha512_224('abc', 'hex'), '4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa'],
                  ['sha512_256 abc', () => crypto.sha512_256('abc', 'hex'), '53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23'],
                  ['ripemd160 empty', () => crypto.ripemd160('', 'hex'), '9c1185a5c5e9fc54612808977ee8f548b2258d31'],
                  ['ripemd160 a', () => crypto.ripemd160('a', 'hex'), '0bdc9d2d256b3ee9daae347be6f4dc835a467ffe'],
                  ['ripemd160 abc', () => crypto.ripemd160('abc', 'hex'), '8eb208f7e05d987a9b044a8e98c6b087f15a0bfc'],
                  ['ripemd160 message digest', () => crypto.ripemd160('message digest', 'hex'), '5d0689ef49d2fae572b881b123a85ffa21595f36'],
                  ['ripemd160 80 digits', () => crypto.ripemd160('1234567890'.repeat(8), 'hex'), '9b752e45573d4b39f4dbd3323cab82bf63326bfb'],
                  ['ripemd160 million a', () => crypto.ripemd160('a'.repeat(1000000), 'hex'), '52783243c1697bdbe16d37f97f68f08325dc1528'],
                ]
                """, 19);
    }

    @Test
    void hmacsMatchTheRfcVectors() throws Exception {
        assertAllPass("""
                [
                  ['hmac md5 rfc2202', () => crypto.hmac('md5', new Uint8Array(16).fill(0x0b).buffer, 'Hi There', 'hex'), '9294727a3638bb1c13f48ef8158bfc9d'],
                  ['hmac md5 jefe', () => crypto.hmac('md5', 'Jefe', 'what do ya want for nothing?', 'hex'), '750c783e6ab0b503eaa86e310a5db738'],
                  ['hmac sha1 jefe', () => crypto.hmac('sha1', 'Jefe', 'what do ya want for nothing?', 'hex'), 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79'],
                  ['hmac sha256 rfc4231 1', () => crypto.hmac('sha256', new Uint8Array(20).fill(0x0b).buffer, 'Hi There', 'hex'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
                  ['hmac sha256 jefe', () => crypto.hmac('sha256', 'Jefe', 'what do ya want for nothing?', 'hex'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
                  ['hmac sha512 jefe', () => crypto.hmac('sha512', 'Jefe', 'what do ya want for nothing?', 'hex'), '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737'],
                  ['hmac sha256 long key rfc4231 6', () => crypto.hmac('sha256', new Uint8Array(131).fill(0xaa).buffer, 'Test Using Larger Than Block-Size Key - Hash Key First', 'hex'), '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
                  ['hmac ripemd160 rfc2286 1', () => crypto.hmac('ripemd160', new Uint8Array(20).fill(0x0b).buffer, 'Hi There', 'hex'), '24cb4bd67d20fc1a5d2ed7732dcc39377f0a5668'],
                  ['hmac ripemd160 jefe', () => crypto.hmac('ripemd160', 'Jefe', 'what do ya want for nothing?', 'hex'), 'dda6c0213a485a9e24f4742064a7f033b43c4069'],
                  ['hmac k6 docs', () => crypto.hmac('sha256', 'mysecret', 'hello world!', 'hex'), '893a72d8cab129e5ba85aea4599fd53f59bfe652cff4098a3780313228d8c20f'],
                  ['hmac data as buffer', () => crypto.hmac('sha256', 'mysecret', new Uint8Array([104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100, 33]).buffer, 'hex'), '893a72d8cab129e5ba85aea4599fd53f59bfe652cff4098a3780313228d8c20f'],
                ]
                """, 11);
    }

    @Test
    void hashersKeepAcceptingDataAfterADigestAndEncodeFiveWays() throws Exception {
        assertAllPass("""
                (() => {
                  const h = crypto.createHash('sha256');
                  h.update('hello ');
                  const partial = h.digest('hex');
                  h.update('world!');
                  const m = crypto.createHMAC('sha256', 'mysecret');
                  m.update('hello ');
                  m.update('world!');
                  return [
                    ['partial digest', () => partial, crypto.sha256('hello ', 'hex')],
                    ['hex', () => h.digest('hex'), '7509e5bda0c762d2bac7f90d758b5b2263fa01ccbc542ab5e3df163be08e6ca9'],
                    ['base64', () => h.digest('base64'), 'dQnlvaDHYtK6x/kNdYtbImP6Acy8VCq1498WO+CObKk='],
                    ['base64url', () => h.digest('base64url'), 'dQnlvaDHYtK6x_kNdYtbImP6Acy8VCq1498WO-CObKk='],
                    ['base64rawurl', () => h.digest('base64rawurl'), 'dQnlvaDHYtK6x_kNdYtbImP6Acy8VCq1498WO-CObKk'],
                    ['binary', () => new Uint8Array(h.digest('binary')).slice(0, 4).join(','), '117,9,229,189'],
                    ['hmac object', () => m.digest('hex'), '893a72d8cab129e5ba85aea4599fd53f59bfe652cff4098a3780313228d8c20f'],
                    ['random bytes', () => crypto.randomBytes(16).byteLength, 16],
                    ['hex encode', () => crypto.hexEncode(new Uint8Array([1, 171, 255]).buffer), '01abff'],
                  ];
                })()
                """, 9);
    }

    @Test
    void unknownAlgorithmsAndEncodingsFailTheIteration() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of("""
                import crypto from 'k6/crypto';
                export default function () { crypto.sha256('x', 'base32'); }
                """)) {
            assertThat(vus.runOnce()).isEqualTo(IterationOutcome.FAILED);
            assertThat(vus.logs()).anySatisfy(l -> assertThat(l).contains("invalid output encoding: base32"));
        }
    }
}
