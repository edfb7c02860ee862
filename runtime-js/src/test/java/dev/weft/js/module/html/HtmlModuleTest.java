package dev.weft.js.module.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.js.module.ScriptedVus;
import dev.weft.vu.IterationOutcome;
import org.junit.jupiter.api.Test;

class HtmlModuleTest {
    private static final String PAGE = """
            import { check } from 'k6';
            import { parseHTML } from 'k6/html';
            const doc = parseHTML(`<html><head><title>Test page</title></head><body>
              <dl id="terms">
                <dt id="term-1" class="term first" data-count="3" data-opts='{"a":1}' data-long-name="x">Value term 1</dt>
                <dd>definition 1-a</dd>
                <dd>definition 1-b</dd>
                <dt id="term-2" class="term">Value term 2</dt>
                <dd>definition 2-a <b>bold</b></dd>
              </dl>
              <a id="link" href="https://user:pw@example.com:8443/path/x?q=1#frag">go</a>
              <form id="f">
                <input name="user" value="ann">
                <input name="remember" type="checkbox" checked="checked">
                <input name="skip" type="checkbox">
                <input name="off" value="x" disabled="disabled">
                <select name="color"><option value="r">Red</option><option value="g" selected>Green</option></select>
                <select name="sizes" multiple><option selected>S</option><option value="m" selected>M</option></select>
                <textarea name="msg">hi there</textarea>
                <input type="submit" name="go" value="Go">
              </form>
            </body></html>`);
            function run(cases) {
              const results = {};
              for (const [name, fn, want] of cases) {
                results[name] = () => {
                  const got = fn();
                  if (got !== want) console.error(name + ': got ' + JSON.stringify(got));
                  return got === want;
                };
              }
              check(null, results);
            }
            """;

    private static void assertAllPass(String cases, int count) throws Exception {
        try (ScriptedVus vus = ScriptedVus.of(PAGE + "export default function () { run(" + cases + "); }\n")) {
            assertThat(vus.runOnce()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vus.logs()).isEmpty();
            assertThat(vus.checks()).hasSize(count).doesNotContainValue(false);
        }
    }

    @Test
    void selectionsTraverseLikeJquery() throws Exception {
        assertAllPass("""
                [
                  ['find + size', () => doc.find('dt').size(), 2],
                  ['length', () => doc.find('dd').length, 3],
                  ['children', () => doc.find('dl').children().size(), 5],
                  ['children filtered', () => doc.find('dl').children('dd').size(), 3],
                  ['first text', () => doc.find('dt').first().text(), 'Value term 1'],
                  ['last id', () => doc.find('dt').last().attr('id'), 'term-2'],
                  ['eq negative', () => doc.find('dd').eq(-1).text(), 'definition 2-a bold'],
                  ['parent', () => doc.find('b').parent().is('dd'), true],
                  ['parents', () => doc.find('b').parents().map((i, s) => s.get(0).nodeName()).join(), 'dd,dl,body,html'],
                  ['closest', () => doc.find('b').closest('dl').attr('id'), 'terms'],
                  ['next', () => doc.find('#term-1').next().text(), 'definition 1-a'],
                  ['prev', () => doc.find('#term-2').prev().text(), 'definition 1-b'],
                  ['nextAll filtered', () => doc.find('#term-1').nextAll('dt').attr('id'), 'term-2'],
                  ['nextUntil', () => doc.find('#term-1').nextUntil('dt').size(), 2],
                  ['prevAll', () => doc.find('#term-2').prevAll().size(), 3],
                  ['siblings', () => doc.find('#term-2').siblings().size(), 4],
                  ['filter selector', () => doc.find('dt').filter('.first').attr('id'), 'term-1'],
                  ['filter function', () => doc.find('dd').filter((i, s) => s.text().includes('2-a')).size(), 1],
                  ['not', () => doc.find('dt').not('.first').attr('id'), 'term-2'],
                  ['has', () => doc.find('dd').has('b').size(), 1],
                  ['is', () => doc.find('dt').is('#term-2'), true],
                  ['slice', () => doc.find('dd').slice(1, 2).text(), 'definition 1-b'],
                  ['end', () => doc.find('dl').find('dt').end().attr('id'), 'terms'],
                  ['html', () => doc.find('dd').last().html(), 'definition 2-a <b>bold</b>'],
                  ['text joins', () => doc.find('dt').text(), 'Value term 1Value term 2'],
                  ['attr missing', () => doc.find('dl').attr('nope'), undefined],
                  ['attr default', () => doc.find('dl').attr('nope', 'dflt'), 'dflt'],
                  ['map to array', () => doc.find('dt').map((i, s) => i + ':' + s.attr('id')).join(), '0:term-1,1:term-2'],
                  ['toArray', () => doc.find('dd').toArray().map((s) => s.text().length).join(), '14,14,19'],
                  ['each', () => { const ids = []; doc.find('dt').each((i, el) => ids.push(el.id())); return ids.join(); }, 'term-1,term-2'],
                  ['find with selection', () => doc.find('dl').find(doc.find('b')).size(), 1],
                  ['title', () => doc.find('title').text(), 'Test page'],
                  ['empty selection', () => doc.find('nothing').text(), ''],
                  ['data key', () => doc.find('#term-1').data('count'), 3],
                  ['data camel', () => doc.find('#term-1').data('longName'), 'x'],
                  ['data json', () => doc.find('#term-1').data('opts').a, 1],
                  ['data all', () => Object.keys(doc.find('#term-1').data()).join(), 'count,opts,longName'],
                ]
                """, 37);
    }

    @Test
    void elementsAnswerDomQuestions() throws Exception {
        assertAllPass("""
                (() => {
                  const el = doc.find('dl').children().get(0);
                  const a = doc.find('a').get(0);
                  return [
                    ['nodeName', () => el.nodeName(), 'dt'],
                    ['id', () => el.id(), 'term-1'],
                    ['textContent', () => el.textContent(), 'Value term 1'],
                    ['classList', () => el.classList().join(), 'term,first'],
                    ['className', () => el.className(), 'term first'],
                    ['getAttribute', () => el.getAttribute('data-count'), '3'],
                    ['hasAttribute', () => el.hasAttribute('id'), true],
                    ['nextElementSibling', () => el.nextElementSibling().textContent(), 'definition 1-a'],
                    ['parentElement', () => el.parentElement().id(), 'terms'],
                    ['nodeType', () => el.nodeType(), 1],
                    ['text child', () => el.firstChild().nodeType(), 3],
                    ['selection', () => el.selection().next().text(), 'definition 1-a'],
                    ['querySelectorAll', () => el.parentElement().querySelectorAll('dd').length, 3],
                    ['matches', () => el.matches('dt.first'), true],
                    ['isSameNode', () => el.isSameNode(doc.find('#term-1').get(0)), true],
                    ['get out of range', () => doc.find('dt').get(5), undefined],
                    ['get all', () => doc.find('dt').get().length, 2],
                    ['anchor href', () => a.href(), 'https://user:pw@example.com:8443/path/x?q=1#frag'],
                    ['anchor host', () => a.host(), 'example.com:8443'],
                    ['anchor protocol', () => a.protocol(), 'https:'],
                    ['anchor pathname', () => a.pathname(), '/path/x'],
                    ['anchor search', () => a.search(), '?q=1'],
                    ['anchor hash', () => a.hash(), '#frag'],
                    ['anchor username', () => a.username(), 'user'],
                  ];
                })()
                """, 24);
    }

    @Test
    void formsGiveValuesAndSerialize() throws Exception {
        assertAllPass("""
                [
                  ['input val', () => doc.find('input[name=user]').val(), 'ann'],
                  ['checkbox val', () => doc.find('input[name=remember]').val(), 'on'],
                  ['select val', () => doc.find('select[name=color]').val(), 'g'],
                  ['multiple val', () => doc.find('select[name=sizes]').val().join(), 'S,m'],
                  ['textarea val', () => doc.find('textarea').val(), 'hi there'],
                  ['serialize', () => doc.find('form').serialize(), 'color=g&msg=hi+there&remember=on&sizes=S&sizes=m&user=ann'],
                  ['serializeArray', () => doc.find('form').serializeArray().map((f) => f.name).join(), 'user,remember,color,sizes,msg'],
                  ['serializeObject', () => doc.find('form').serializeObject().user, 'ann'],
                  ['input value()', () => doc.find('input[name=user]').get(0).value(), 'ann'],
                  ['input name()', () => doc.find('input[name=user]').get(0).name(), 'user'],
                ]
                """, 10);
    }
}
