import { after, before, it } from "node:test";

/** A contract test: `only` gives a reason to skip it for an implementation that lacks a capability. */
export type ContractTest = (title: string, fn: () => Promise<void>, only?: () => string | undefined) => void;

/**
 * The hooks every contract suite shares: the fixture is made once (or names why it cannot be, and
 * every test is skipped with that reason), `setUp` opens what the tests use, `tearDown` closes it.
 */
export function contractTests<F>(fixture: () => Promise<F | string>, setUp: (fx: F) => Promise<void>, tearDown: () => Promise<void>): ContractTest {
  let skip: string | undefined;
  before(async () => {
    const got = await fixture();
    if (typeof got === "string") skip = got;
    else await setUp(got);
  });
  after(tearDown);
  return (title, fn, only) =>
    it(title, async (t) => {
      if (skip) return t.skip(skip);
      const why = only?.();
      if (why) return t.skip(why);
      await fn();
    });
}
