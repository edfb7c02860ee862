package dev.weft.js.module.webcrypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.js.ScriptException;
import dev.weft.js.module.ScriptedVus;
import dev.weft.vu.IterationOutcome;
import org.junit.jupiter.api.Test;

/**
 * The global {@code crypto} run through real GraalJS VUs: known answers (FIPS 180, RFC 4231,
 * the vectors of k6's own WebCrypto examples), round trips for every algorithm and format, and
 * the error names k6 rejects with.
 */
class WebCryptoModuleTest {
    private static final String HELPERS = """
            import { check } from 'k6';
            import { b64decode } from 'k6/encoding';
            const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
            const utf8 = (s) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
            async function rejection(p) {
              try { await p; return 'resolved'; } catch (e) { return e.name + ': ' + e.message; }
            }
            """;

    private static void assertChecksPass(String body, int count) throws Exception {
        try (ScriptedVus vus = ScriptedVus.of(HELPERS + "export default async function () {\n" + body + "\n}\n")) {
            assertThat(vus.runOnce()).as(String.join("\n", vus.logs())).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vus.checks()).as(String.join("\n", vus.logs())).hasSize(count).doesNotContainValue(false);
        }
    }

    @Test
    void digestsAndHmacsMatchThePublishedVectors() throws Exception {
        assertChecksPass("""
                const sha1 = await crypto.subtle.digest('SHA-1', utf8('abc'));
                const sha256 = await crypto.subtle.digest({ name: 'sha-256' }, utf8('Hello, world!'));
                const sha512 = await crypto.subtle.digest('SHA-512', utf8('abc'));
                const key = await crypto.subtle.importKey('raw', new Uint8Array(20).fill(0x0b),
                  { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
                const mac = await crypto.subtle.sign('HMAC', key, utf8('Hi There'));
                check(null, {
                  'sha-1 abc': () => hex(sha1) === 'a9993e364706816aba3e25717850c26c9cd0d89d',
                  'sha-256 as k6 example': () => hex(sha256) === '315f5bdb76d078c43b8ac0064e4a0164612b1fce77c869345bfc94c75894edd3',
                  'sha-512 abc': () => hex(sha512).startsWith('ddaf35a193617abacc417349ae20413112e6fa4e89a97ea2'),
                  'hmac rfc 4231 case 1': () => hex(mac) === 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
                });
                check(await crypto.subtle.verify('HMAC', key, mac, utf8('Hi There')), { 'hmac verifies': (v) => v === true });
                check(await crypto.subtle.verify('HMAC', key, mac, utf8('Hi there')), { 'hmac tamper fails': (v) => v === false });
                """, 6);
    }

    @Test
    void aesDecryptsKnownCiphertextAndRoundTripsEveryMode() throws Exception {
        assertChecksPass("""
                // the static key and message of k6's import-raw-base64-decrypt example
                const keyData = new Uint8Array([109, 151, 76, 33, 232, 253, 176, 90, 94, 40, 146, 227, 139, 208, 245, 139,
                  69, 215, 55, 197, 43, 122, 160, 178, 228, 104, 4, 115, 138, 159, 119, 49]);
                const sent = new Uint8Array(b64decode('whzEN310mrlWIH/icf0dMquRZ2ENyfOzkvPuu92WR/9F8dbeFM8EGUVNIhaS'));
                const key = await crypto.subtle.importKey('raw', keyData, { name: 'AES-GCM', length: '256' }, true, ['decrypt']);
                const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sent.subarray(0, 12) }, key, sent.subarray(12));
                check(null, { 'gcm known answer': () => String.fromCharCode(...new Uint8Array(plain)) === 'my secret message' });
                const msg = utf8('x'.repeat(37));
                for (const [name, params] of [
                  ['AES-CBC', { iv: crypto.getRandomValues(new Uint8Array(16)) }],
                  ['AES-CTR', { counter: crypto.getRandomValues(new Uint8Array(16)), length: 64 }],
                  ['AES-GCM', { iv: crypto.getRandomValues(new Uint8Array(12)), additionalData: utf8('ad'), tagLength: 96 }],
                ]) {
                  const k = await crypto.subtle.generateKey({ name, length: 128 }, true, ['encrypt', 'decrypt']);
                  const c = await crypto.subtle.encrypt({ name, ...params }, k, msg);
                  const p = await crypto.subtle.decrypt({ name, ...params }, k, c);
                  check(null, { [name + ' round trip']: () => hex(p) === hex(msg) && hex(c) !== hex(msg) });
                }
                """, 4);
    }

    @Test
    void aesCtrCountsOnlyTheLowBitsOfTheCounter() throws Exception {
        // with length 8 the counter's last byte wraps from ff to 00 without carrying into the byte before
        assertChecksPass("""
                const raw = new Uint8Array(16).fill(7);
                const key = await crypto.subtle.importKey('raw', raw, 'AES-CTR', true, ['encrypt']);
                const ecb = await crypto.subtle.importKey('raw', raw, 'AES-CBC', true, ['encrypt']);
                const counter = new Uint8Array(16); counter[14] = 1; counter[15] = 0xff;
                const stream = await crypto.subtle.encrypt({ name: 'AES-CTR', counter, length: 8 }, key, new Uint8Array(32));
                // AES-CBC of one zero block with iv = counter block gives AES(counter block)
                const wrapped = new Uint8Array(16); wrapped[14] = 1;
                const second = await crypto.subtle.encrypt({ name: 'AES-CBC', iv: wrapped }, ecb, new Uint8Array(16));
                check(null, { 'second block from wrapped counter': () => hex(stream.slice(16)) === hex(second.slice(0, 16)) });
                """, 1);
    }

    @Test
    void ecdsaVerifiesK6sStaticVectorsAndSignaturesRoundTrip() throws Exception {
        assertChecksPass("""
                const spki = new Uint8Array([48, 89, 48, 19, 6, 7, 42, 134, 72, 206, 61, 2, 1, 6, 8, 42, 134, 72, 206, 61,
                  3, 1, 7, 3, 66, 0, 4, 10, 5, 30, 56, 111, 103, 196, 166, 225, 229, 203, 238, 125, 55, 116, 91, 88, 142,
                  190, 114, 15, 117, 89, 22, 40, 111, 150, 41, 105, 122, 57, 23, 17, 216, 106, 234, 201, 103, 8, 210, 58,
                  38, 35, 216, 198, 237, 187, 84, 217, 164, 63, 100, 6, 105, 49, 128, 15, 53, 29, 158, 117, 235, 238, 30]);
                const text = new Uint8Array([95, 77, 186, 79, 50, 12, 12, 232, 118, 114, 90, 252, 229, 251, 210, 91, 248,
                  62, 90, 113, 37, 160, 140, 175, 231, 60, 62, 186, 196, 33, 119, 157, 249, 213, 93, 24, 12, 58, 233, 148,
                  38, 69, 225, 216, 47, 238, 140, 157, 41, 75, 60, 177, 160, 138, 153, 49, 32, 27, 60, 14, 129, 252, 71,
                  202, 207, 131, 21, 162, 175, 102, 50, 65, 19, 195, 182, 98, 48, 195, 70, 8, 196, 244, 89, 54, 52, 206,
                  2, 178, 103, 54, 34, 119, 240, 168, 64, 202, 116, 188, 61, 26, 98, 54, 149, 44, 94, 215, 170, 248, 168,
                  254, 203, 221, 250, 117, 132, 230, 151, 140, 234, 93, 42, 91, 159, 183, 241, 180, 140, 139, 11, 229,
                  138, 48, 82, 2, 117, 77, 131, 118, 16, 115, 116, 121, 60, 240, 38, 170, 238, 83, 0, 114, 125, 131, 108,
                  215, 30, 113, 179, 69, 221, 178, 228, 68, 70, 255, 197, 185, 1, 99, 84, 19, 137, 13, 145, 14, 163, 128,
                  152, 74, 144, 25, 16, 49, 50, 63, 22, 219, 204, 157, 107, 225, 104, 184, 72, 133, 56, 76, 160, 62, 18,
                  96, 10, 193, 194, 72, 2, 138, 243, 114, 108, 201, 52, 99, 136, 46, 168, 192, 42, 171]);
                const sig = new Uint8Array([83, 223, 63, 226, 42, 29, 106, 105, 225, 145, 197, 180, 118, 154, 109, 110,
                  66, 67, 47, 251, 53, 190, 203, 65, 207, 36, 19, 57, 49, 122, 124, 118, 59, 74, 222, 134, 42, 235, 180,
                  229, 134, 24, 205, 81, 171, 156, 100, 218, 127, 242, 126, 53, 27, 77, 249, 101, 157, 132, 244, 30, 67,
                  30, 64, 12]);
                const pub = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
                check(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig, text), { 'k6 vector verifies': (v) => v });
                sig[0] ^= 1;
                check(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig, text), { 'flipped bit fails': (v) => !v });
                for (const curve of ['P-256', 'P-384', 'P-521']) {
                  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, ['sign', 'verify']);
                  const s = await crypto.subtle.sign({ name: 'ECDSA', hash: { name: 'SHA-384' } }, pair.privateKey, utf8('hi'));
                  const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-384' }, pair.publicKey, s, utf8('hi'));
                  const size = { 'P-256': 64, 'P-384': 96, 'P-521': 132 }[curve];
                  check(s, { [curve + ' r||s signature verifies']: (x) => ok && x.byteLength === size });
                }
                """, 5);
    }

    @Test
    void ecdhOfK6sStaticKeysGivesTheSameSecretOnBothSidesAndDeriveKeyMakesAesKeys() throws Exception {
        assertChecksPass("""
                const alice = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, true, ['deriveBits', 'deriveKey']);
                const bob = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, true, ['deriveBits', 'deriveKey']);
                const a = await crypto.subtle.deriveBits({ name: 'ECDH', public: bob.publicKey }, alice.privateKey, 256);
                const b = await crypto.subtle.deriveBits({ name: 'ECDH', public: alice.publicKey }, bob.privateKey, 256);
                check(null, { 'both sides agree': () => a.byteLength === 32 && hex(a) === hex(b) });
                const k1 = await crypto.subtle.deriveKey({ name: 'ECDH', public: bob.publicKey }, alice.privateKey,
                  { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
                const k2 = await crypto.subtle.deriveKey({ name: 'ECDH', public: alice.publicKey }, bob.privateKey,
                  { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
                const iv = new Uint8Array(12);
                const c = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, k1, utf8('shared'));
                const p = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, k2, c);
                check(k1, { 'derived key is AES-GCM 256': (k) => k.algorithm.name === 'AES-GCM' && k.algorithm.length === 256 });
                check(p, { 'derived keys agree': (x) => hex(x) === hex(utf8('shared')) });
                """, 3);
    }

    @Test
    void ecKeysSurviveEveryExportFormat() throws Exception {
        assertChecksPass("""
                const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
                const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
                const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
                const raw = await crypto.subtle.exportKey('raw', pair.publicKey);
                const spki = await crypto.subtle.exportKey('spki', pair.publicKey);
                const fromPkcs8 = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
                const fromJwk = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
                const fromRaw = await crypto.subtle.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
                const alg = { name: 'ECDSA', hash: 'SHA-256' };
                const s1 = await crypto.subtle.sign(alg, fromPkcs8, utf8('m'));
                const s2 = await crypto.subtle.sign(alg, fromJwk, utf8('m'));
                const pubJwk = await crypto.subtle.exportKey('jwk', fromRaw);
                check(null, {
                  'pkcs8 holds the public point as Go writes it': () => new Uint8Array(pkcs8).length === 138,
                  'jwk has the public point': () => jwk.kty === 'EC' && jwk.crv === 'P-256' && jwk.x === pubJwk.x && jwk.y === pubJwk.y && !!jwk.d,
                  'raw is an uncompressed point': () => raw.byteLength === 65 && new Uint8Array(raw)[0] === 4,
                  'spki is DER': () => new Uint8Array(spki)[0] === 0x30,
                });
                check(await crypto.subtle.verify(alg, fromRaw, s1, utf8('m')), { 'pkcs8 key signs': (v) => v });
                check(await crypto.subtle.verify(alg, pair.publicKey, s2, utf8('m')), { 'jwk key signs': (v) => v });
                """, 6);
    }

    @Test
    void rsaSignsEncryptsAndRoundTripsThroughJwkSpkiAndPkcs8() throws Exception {
        assertChecksPass("""
                const e = new Uint8Array([1, 0, 1]);
                const oaep = await crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: e, hash: 'SHA-256' },
                  true, ['encrypt', 'decrypt']);
                const c = await crypto.subtle.encrypt({ name: 'RSA-OAEP', label: utf8('l') }, oaep.publicKey, utf8('secret'));
                const p = await crypto.subtle.decrypt({ name: 'RSA-OAEP', label: utf8('l') }, oaep.privateKey, c);
                check(p, { 'oaep round trip': (x) => hex(x) === hex(utf8('secret')) && c.byteLength === 128 });
                for (const name of ['RSASSA-PKCS1-v1_5', 'RSA-PSS']) {
                  const pair = await crypto.subtle.generateKey({ name, modulusLength: 1024, publicExponent: e, hash: { name: 'SHA-256' } },
                    true, ['sign', 'verify']);
                  const alg = { name, saltLength: 32 };
                  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
                  const priv = await crypto.subtle.importKey('jwk', jwk, { name, hash: 'SHA-256' }, false, ['sign']);
                  const pub = await crypto.subtle.importKey('spki', await crypto.subtle.exportKey('spki', pair.publicKey),
                    { name, hash: 'SHA-256' }, false, ['verify']);
                  const again = await crypto.subtle.importKey('pkcs8', await crypto.subtle.exportKey('pkcs8', pair.privateKey),
                    { name, hash: 'SHA-256' }, false, ['sign']);
                  const s = await crypto.subtle.sign(alg, priv, utf8('data'));
                  const s2 = await crypto.subtle.sign(alg, again, utf8('data'));
                  const ok = await crypto.subtle.verify(alg, pub, s, utf8('data'));
                  const ok2 = await crypto.subtle.verify(alg, pub, s2, utf8('data'));
                  const bad = await crypto.subtle.verify(alg, pub, s, utf8('Data'));
                  check(jwk, { [name + ' signs through jwk, spki and pkcs8']: (j) => ok && ok2 && !bad && j.kty === 'RSA' && j.e === 'AQAB' });
                  check(pub, { [name + ' key shows k6 algorithm']: (k) => k.algorithm.modulusLength === 1024 && k.algorithm.hash.name === 'SHA-256' });
                }
                """, 5);
    }

    @Test
    void keysPrintAsK6PrintsThem() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of("""
                export default async function () {
                  const aes = await crypto.subtle.generateKey({ name: 'aes-gcm', length: 128 }, false, ['encrypt']);
                  console.log(JSON.stringify(aes));
                  const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-384' }, true, ['sign']);
                  console.log(JSON.stringify(hmac));
                  const ec = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
                  console.log(JSON.stringify(ec.publicKey));
                }
                """)) {
            assertThat(vus.runOnce()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vus.logs()).containsExactly(
                    "info: {\"type\":\"secret\",\"extractable\":false,\"algorithm\":{\"algorithm\":{\"name\":\"AES-GCM\"},"
                            + "\"name\":\"AES-GCM\",\"length\":128},\"usages\":[\"encrypt\"]}",
                    "info: {\"type\":\"secret\",\"extractable\":true,\"algorithm\":{\"key_algorithm\":{\"algorithm\":"
                            + "{\"name\":\"HMAC\"},\"name\":\"HMAC\"},\"algorithm\":{\"name\":\"HMAC\"},\"name\":\"HMAC\","
                            + "\"hash\":{\"algorithm\":{\"name\":\"SHA-384\"},\"name\":\"SHA-384\"},\"length\":1024},"
                            + "\"usages\":[\"sign\"]}",
                    "info: {\"type\":\"public\",\"extractable\":true,\"algorithm\":{\"key_algorithm\":{\"algorithm\":"
                            + "{\"name\":\"ECDH\"},\"name\":\"ECDH\"},\"algorithm\":{\"name\":\"ECDH\"},\"name\":\"ECDH\","
                            + "\"namedCurve\":\"P-256\"},\"usages\":[]}");
        }
    }

    @Test
    void failuresRejectWithK6sErrorNames() throws Exception {
        assertChecksPass("""
                const k = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, ['encrypt']);
                const k2 = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, ['encrypt', 'decrypt']);
                const r = {
                  unknown: await rejection(crypto.subtle.digest('SHA-999', new Uint8Array(2))),
                  extract: await rejection(crypto.subtle.exportKey('raw', k)),
                  usage: await rejection(crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, k, new Uint8Array(40))),
                  tag: await rejection(crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, k2, new Uint8Array(40))),
                  notKey: await rejection(crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, {}, new Uint8Array(4))),
                  empty: await rejection(crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, [])),
                };
                let thrown;
                try { await crypto.subtle.digest('MD5', new Uint8Array(1)); } catch (e) { thrown = e; }
                check(r, {
                  'unsupported algorithm': (x) => x.unknown === 'NotSupportedError: algorithm "SHA-999" doesn\\'t support (in implementation) operation "digest"',
                  'not extractable': (x) => x.extract === 'InvalidAccessError: the key is not extractable',
                  'missing usage': (x) => x.usage === "InvalidAccessError: decrypt's key does not contain the 'decrypt' usage",
                  'bad tag': (x) => x.tag === 'OperationError: could not decrypt ciphertext',
                  'not a key': (x) => x.notKey.startsWith('InvalidAccessError'),
                  'empty usages': (x) => x.empty.startsWith('SyntaxError'),
                  'error object as k6': () => !(thrown instanceof Error) && String(thrown).startsWith('NotSupportedError: ')
                    && JSON.stringify(Object.keys(thrown)) === '["name","message"]',
                });
                """, 7);
    }

    @Test
    void randomValuesAndUuidsBehaveAsInK6() throws Exception {
        assertChecksPass("""
                const a = crypto.getRandomValues(new Uint32Array(64));
                let typeErr, quotaErr;
                try { crypto.getRandomValues(new Float32Array(2)); } catch (e) { typeErr = e; }
                try { crypto.getRandomValues(new Uint8Array(65537)); } catch (e) { quotaErr = e; }
                check(null, {
                  'same array back, one random byte per element as k6': () => a.every((x) => x >= 0 && x < 256) && a.some((x) => x > 0),
                  'uuid v4': () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()),
                  'float arrays refused': () => String(typeErr.message).startsWith('TypeMismatchError'),
                  'over 65536 refused': () => String(quotaErr.message).startsWith('QuotaExceededError'),
                  'crypto needs no import': () => typeof crypto.subtle.importKey === 'function',
                });
                """, 5);
    }

    @Test
    void theExperimentalImportFailsWithK6sGraduationMessage() {
        try (ScriptedVus vus = ScriptedVus.of("""
                import { crypto } from 'k6/experimental/webcrypto';
                export default function () {}
                """)) {
            assertThatThrownBy(() -> vus.vu(1)).isInstanceOf(ScriptException.class)
                    .hasMessageContaining("k6/experimental/webcrypto has been graduated and it's now globally "
                            + "available as defined by standard WebAPIs. You just need to remove the import.");
        }
    }
}
