/**
 * Hands values from a producer to a consumer reading them as an async iterable, a few at a time:
 * the importer's second pass gives each post's comments to the comment import while it goes on
 * reading the export, so the export is read once and memory holds only what is in the queue.
 * The iterable does not end until `close(gate)` and the gate settle: the comment import then
 * starts writing only once the articles are in place, and a gate that rejects makes it fail,
 * writing nothing.
 */
export class Handoff<T> {
  private readonly queue: T[] = [];
  private wakeConsumer: (() => void) | null = null;
  private wakeProducer: (() => void) | null = null;
  private gate: Promise<void> | null = null;
  private stopped: unknown = null;

  constructor(private readonly capacity = 16) {}

  /** Waits while the queue is full; throws if the consumer has stopped. */
  async push(value: T): Promise<void> {
    while (this.queue.length >= this.capacity && this.stopped === null) {
      await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    }
    if (this.stopped !== null) throw this.stopped;
    this.queue.push(value);
    this.wakeConsumer?.();
  }

  /**
   * No more values: call it after the last push (the consumer waits at the gate from then on,
   * so a push after it would wait for ever). The iterable ends when `gate` resolves, and throws
   * if it rejects. Calling it again changes nothing.
   */
  close(gate: Promise<void>): void {
    this.gate ??= gate;
    this.wakeConsumer?.();
  }

  /** The consumer failed or stopped: a waiting or later push throws `reason`. */
  stop(reason: unknown): void {
    this.stopped = reason ?? new Error('the consumer stopped');
    this.wakeProducer?.();
  }

  async *values(): AsyncGenerator<T> {
    try {
      for (;;) {
        const value = this.queue.shift();
        if (value !== undefined) {
          this.wakeProducer?.();
          yield value;
          continue;
        }
        if (this.gate) {
          await this.gate;
          if (this.queue.length === 0) return;
          continue;
        }
        await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
        this.wakeConsumer = null;
      }
    } finally {
      if (this.stopped === null) this.stop(new Error('the comment import stopped reading'));
    }
  }
}
