// expect: exit=0 iterations=3 checks_passed=27 checks_failed=0
// k6/experimental/fs (open in init with top-level await, stat, read, seek) and
// k6/experimental/csv (parse into a SharedArray with options, Parser record by record).
import { open, SeekMode } from 'k6/experimental/fs';
import csv from 'k6/experimental/csv';
import { check } from 'k6';

export const options = { iterations: 3 };

const file = await open('./data/scores.csv');
// as in k6, parsing reads the file from its position and leaves it at the end: seek back between
const all = await csv.parse(file, { delimiter: ',' });
await file.seek(0, SeekMode.Start);
const objects = await csv.parse(file, { asObjects: true });
await file.seek(0, SeekMode.Start);
const window = await csv.parse(file, { fromLine: 1, toLine: 2 });
await file.seek(0, SeekMode.Start);
const parser = new csv.Parser(file, { skipFirstLine: true });

export default async function () {
  const info = await file.stat();
  const buf = new Uint8Array(4);
  await file.seek(0, SeekMode.Start);
  const n = await file.read(buf);
  const head = String.fromCharCode(...buf);
  const last = await file.seek(0, SeekMode.End); // k6 v1.3.0: the last byte, not past it
  const lastRead = await file.read(buf);
  const eof = await file.read(buf);
  const row = await parser.next();
  check(null, {
    'stat': () => info.name === 'scores.csv' && info.size === last + 1,
    'read from the start': () => n === 4 && head === 'name',
    'read at the end is null': () => lastRead === 1 && eof === null,
    'records with quotes and delimiters': () => all.length === 4 && all[1][1] === 'core, runtime' && all[2][1] === 'cli "main"',
    'as objects under the header': () => objects.length === 3 && objects[2].team === 'outputs' && objects[0].score === '7',
    'fromLine and toLine': () => window.length === 2 && window[0][0] === 'ada' && window[1][0] === 'bob',
    'parser skips the header': () => !row.done && row.value[0] === ['ada', 'bob', 'cy'][__ITER],
    'file path is absolute': () => file.path.endsWith('/data/scores.csv'),
    'records are strings': () => typeof all[3][2] === 'string',
  });
}
