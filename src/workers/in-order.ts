// Runs a stream of items through asynchronous work with a bounded window, yielding the results in input order.

export type Settled<O> = { ok: true; value: O } | { ok: false; error: Error };

/**
 * Starts `start(item)` for items as they arrive, at most `window` at a time, and yields each item with its
 * settled result in the order the items came. A finished result is yielded at once even while the source is
 * slow to give its next item (a pipe read line by line prints as it goes).
 */
export async function* inOrder<I, O>(source: AsyncIterable<I>, start: (item: I) => Promise<O>, options: { window: number }): AsyncGenerator<{ item: I; result: Settled<O> }> {
  const window = Math.max(1, options.window);
  const queue: Array<{ item: I; result: Promise<Settled<O>> }> = [];
  const settle = (p: Promise<O>): Promise<Settled<O>> => p.then((value) => ({ ok: true as const, value }), (error: Error) => ({ ok: false as const, error }));
  const push = (item: I) => queue.push({ item, result: settle(start(item)) });
  const head = async () => { const h = queue.shift()!; return { item: h.item, result: await h.result }; };
  const it = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<I>> | null = null;
  let done = false;
  try {
    while (!done || queue.length) {
      if (done || queue.length >= window) {
        yield await head();
        continue;
      }
      pending ??= it.next();
      const first = queue.length
        ? await Promise.race([pending.then((r) => ({ next: r })), queue[0].result.then(() => ({ next: null }))])
        : { next: await pending };
      if (!first.next) {
        yield await head(); // the oldest is done before the source had more
        continue;
      }
      pending = null;
      if (first.next.done) done = true;
      else push(first.next.value);
    }
  } finally {
    if (!done) await it.return?.();
  }
}
