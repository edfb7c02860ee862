// expect: exit=0 iterations=2 checks_passed=6 checks_failed=0
// k6/html: parse a page and select elements.
import { parseHTML } from 'k6/html';
import { check } from 'k6';

export const options = { iterations: 2 };

const page = `<html><head><title>Shop</title></head><body>
  <ul id="items"><li class="item" data-id="1">Tea</li><li class="item" data-id="2">Cake</li></ul>
  <a href="/next">next</a></body></html>`;

export default function () {
  const doc = parseHTML(page);
  check(doc, {
    'title': (d) => d.find('title').text() === 'Shop',
    'two items': (d) => d.find('li.item').size() === 2,
    'link target': (d) => d.find('a').attr('href') === '/next',
  });
}
