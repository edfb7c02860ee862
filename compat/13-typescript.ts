// expect: exit=0 iterations=3 http_reqs=3 checks_passed=3
// A TypeScript test as k6 runs it: types are stripped.
import http from 'k6/http';
import { check } from 'k6';
import type { Options } from 'k6/options';

interface EchoResponse {
  args: Record<string, string>;
  url: string;
}

type Query = { page: number };

export const options: Options = { vus: 1, iterations: 3 };

function query<T extends Query>(q: T): string {
  return `page=${q.page}`;
}

export default function (): void {
  const res = http.get(`${__ENV.BASE_URL}/get?${query({ page: __ITER })}`);
  const body = res.json() as unknown as EchoResponse;
  check(res, { 'page echoed': () => body.args.page === String(__ITER) });
}
