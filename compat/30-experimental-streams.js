// expect: exit=0 iterations=2 checks_passed=10 checks_failed=0
// k6/experimental/streams: a ReadableStream fed by start() and timers, one fed by pull() under a
// CountQueuingStrategy, cancel, an errored stream, and a reader's lock.
import { ReadableStream, CountQueuingStrategy } from 'k6/experimental/streams';
import { setTimeout } from 'k6/timers';
import { check } from 'k6';

export const options = { iterations: 2 };

async function drain(stream) {
  const reader = stream.getReader();
  const out = [];
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    out.push(value);
  }
  return out;
}

export default async function () {
  let n = 0;
  const timed = new ReadableStream({
    start(controller) {
      const tick = () => {
        if (n < 3) {
          controller.enqueue(++n);
          setTimeout(tick, 10);
        } else {
          controller.close();
        }
      };
      setTimeout(tick, 10);
    },
  });
  let pulls = 0;
  const pulled = new ReadableStream({
    pull(controller) {
      pulls++;
      if (pulls > 4) controller.close();
      else controller.enqueue('p' + pulls);
    },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  let cancelledWith = null;
  const cancellable = new ReadableStream({ cancel(reason) { cancelledWith = reason; } });
  const locked = cancellable.getReader();
  await locked.cancel('enough');
  const broken = new ReadableStream({ start(c) { c.error(new Error('boom')); } });
  let failure = '';
  try {
    await broken.getReader().read();
  } catch (e) {
    failure = e.message;
  }
  const timedValues = await drain(timed);
  const pulledValues = await drain(pulled);
  check(null, {
    'start and timers': () => timedValues.join(',') === '1,2,3',
    'pull until closed': () => pulledValues.join(',') === 'p1,p2,p3,p4',
    'cancel reaches the source': () => cancelledWith === 'enough',
    'a reader locks its stream': () => cancellable.locked === true,
    'an errored stream rejects reads': () => failure === 'boom',
  });
}
