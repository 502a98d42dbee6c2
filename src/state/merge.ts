/**
 * One stream in creation order from several that each are: the rows of several index lookups
 * (one per filter value, plus shared snapshots) read together. A position seen twice is given once.
 */
export async function* mergeBySeq<P extends { seq: number }>(sources: AsyncIterable<P>[]): AsyncIterable<P> {
  if (sources.length === 1) {
    yield* sources[0]!;
    return;
  }
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  const heads = await Promise.all(iterators.map((it) => it.next()));
  let last: number | undefined;
  for (;;) {
    let min = -1;
    for (let i = 0; i < heads.length; i++) {
      const head = heads[i]!;
      if (!head.done && (min < 0 || head.value.seq < (heads[min]!.value as P).seq)) min = i;
    }
    if (min < 0) return;
    const value = heads[min]!.value as P;
    heads[min] = await iterators[min]!.next();
    if (value.seq === last) continue;
    last = value.seq;
    yield value;
  }
}
