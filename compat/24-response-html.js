// expect: exit=0 iterations=1 http_reqs=4 checks_passed=6 checks_failed=0
// res.html() reads the body with the same selection API as parseHTML; clickLink follows a link
// relative to the page and submitForm sends a form as a browser would.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1 };

export default function () {
  const page = http.get(`${__ENV.BASE_URL}/html`);
  check(page, {
    'html() is a document': (r) => r.html().find('h1').text() === 'Herman Melville - Moby-Dick',
    'html(selector) selects': (r) => r.html('ul.chapters li').size() === 3,
  });
  const next = page.clickLink({ selector: 'a#next' });
  check(next, {
    'link resolved against the page': (r) => r.url === `${__ENV.BASE_URL}/links/3/1`,
    'linked page read': (r) => r.html('a').size() === 2,
  });
  const form = http.get(`${__ENV.BASE_URL}/forms/post`);
  const sent = form.submitForm({ fields: { custtel: '555-0100' } });
  check(sent, {
    'form posted to its action': (r) => r.status === 200 && r.url === `${__ENV.BASE_URL}/post`,
    'fields, defaults and the submit button sent': (r) => {
      const f = r.json('form');
      return f.custname === 'Ishmael' && f.custtel === '555-0100' && f.order === 'now'
        && f.comments === 'no onions';
    },
  });
}
