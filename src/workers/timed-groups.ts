// Splits a stream into groups bounded in size and in time, so that a consumer can commit each group as one unit.

export interface GroupLimits {
  /** At most this many items in a group… */
  size: number;
  /** …and no item waited for once this many milliseconds have passed since the group's first item arrived. */
  ms: number;
}

/** True when p settles within ms milliseconds (or has settled already). */
function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, ms));
    const done = () => { clearTimeout(timer); resolve(true); };
    p.then(done, done);
  });
}

/**
 * Yields the items of `source` in groups, each yielded once its first item has arrived (a stalled source holds no group
 * open). A group ends after `size` items, or when the next item is not there `ms` after the first arrived, or when the
 * source ends or fails; the failure is thrown after that group. The next item is asked for only once the consumer is
 * done with the one before (as in a plain for-await loop). Consume each group before asking for the next.
 */
export async function* timedGroups<I>(source: AsyncIterable<I>, limits: GroupLimits): AsyncGenerator<AsyncGenerator<I>> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  let ended = false;

  async function* group(first: I): AsyncGenerator<I> {
    const deadline = Date.now() + limits.ms;
    let item = first;
    for (let n = 1; ; n++) {
      try {
        yield item;
      } finally {
        next = it.next();
      }
      if (n >= limits.size || !(await settlesWithin(next, deadline - Date.now()))) return;
      const step = await next.catch(() => null); // a failure is thrown by the outer loop, after this group
      if (!step || step.done) return;
      item = step.value;
    }
  }

  try {
    for (;;) {
      const step = await next;
      if (step.done) { ended = true; return; }
      yield group(step.value);
    }
  } finally {
    if (!ended) await it.return?.();
  }
}
