import { residentMemory } from './bench-stack';

/** Samples a process's resident memory every `everyMs` until stopped; the peak and the last sample. */
export class MemorySampler {
  private peak = 0;
  private last = 0;
  private readonly first: number;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    everyMs = 250,
  ) {
    this.sample();
    this.first = this.last;
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  /** Resident memory at the start, the peak and the last sample, in MiB. */
  stop(): { firstMiB: number; peakMiB: number; lastMiB: number } {
    clearInterval(this.timer);
    this.sample();
    return { firstMiB: toMiB(this.first), peakMiB: toMiB(this.peak), lastMiB: toMiB(this.last) };
  }

  private sample(): void {
    try {
      this.last = residentMemory(this.pid);
    } catch {
      // The process has ended (the run is stopping): nothing more to sample.
      clearInterval(this.timer);
      return;
    }
    this.peak = Math.max(this.peak, this.last);
  }
}

export const toMiB = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
