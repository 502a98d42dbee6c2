/**
 * An undo stack for multi-step work (STYLE 11): each step that changes something adds how to
 * undo it; on failure the undos run in reverse order, on success they are dropped.
 */
export class Reverter {
  private undos: (() => unknown)[] = [];

  add(undo: () => unknown): void {
    this.undos.push(undo);
  }

  /** Runs every undo, newest first; an undo that fails does not stop the others. */
  async fail(): Promise<void> {
    const undos = this.undos.reverse();
    this.undos = [];
    for (const undo of undos) {
      try {
        await undo();
      } catch {
        // best effort: the original failure is what the caller reports
      }
    }
  }

  success(): void {
    this.undos = [];
  }

  /** Runs `work` with this reverter: undoes on a throw, keeps everything on success. */
  static async run<T>(work: (revert: Reverter) => Promise<T>): Promise<T> {
    const revert = new Reverter();
    try {
      const result = await work(revert);
      revert.success();
      return result;
    } catch (e) {
      await revert.fail();
      throw e;
    }
  }
}
