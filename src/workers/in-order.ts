// Runs a stream of items through asynchronous work with a bounded window, yielding the results in input order.

export interface InOrderOptions<I> {
  /** How many items may be in flight at once. */
  window: number;
  /** True for an item that may start only after every earlier item has been yielded and handled (a barrier). */
  barrier?: (item: I) => boolean;
  /** Runs at each barrier, once everything before it is handled. */
  atBarrier?: () => void | Promise<void>;
}

export type Settled<O> = { ok: true; value: O } | { ok: false; error: Error };

/**
 * Starts `start(item)` for items as they arrive, at most `window` at a time, and yields each item with its
 * settled result in the order the items came. The consumer handles an item before the next is yielded.
 */
export async function* inOrder<I, O>(source: AsyncIterable<I>, start: (item: I) => Promise<O>, options: InOrderOptions<I>): AsyncGenerator<{ item: I; result: Settled<O> }> {
  const queue: Array<{ item: I; result: Promise<Settled<O>> }> = [];
  const settle = (p: Promise<O>): Promise<Settled<O>> => p.then((value) => ({ ok: true as const, value }), (error: Error) => ({ ok: false as const, error }));
  const next = async () => { const head = queue.shift()!; return { item: head.item, result: await head.result }; };
  for await (const item of source) {
    if (options.barrier?.(item)) {
      while (queue.length) yield await next();
      await options.atBarrier?.();
    }
    queue.push({ item, result: settle(start(item)) });
    while (queue.length >= Math.max(1, options.window)) yield await next();
  }
  while (queue.length) yield await next();
}
