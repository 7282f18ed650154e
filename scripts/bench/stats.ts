/** Latency samples per operation, and the figures the bench prints. */
export class Samples {
  private readonly byName = new Map<string, number[]>();
  private readonly errorsByName = new Map<string, number>();
  readonly errorExamples: string[] = [];
  /** how long each HTTP 429 refusal took to arrive */
  readonly refused: number[] = [];

  add(name: string, ms: number): void {
    (this.byName.get(name) ?? this.byName.set(name, []).get(name)!).push(ms);
  }

  refuse(ms: number): void {
    this.refused.push(ms);
  }

  /** Failures that were neither an answer nor a 429: the request never got an HTTP answer. */
  get connectionErrors(): number {
    return this.errorsByName.get('network') ?? 0;
  }

  fail(name: string, why: string): void {
    this.errorsByName.set(name, (this.errorsByName.get(name) ?? 0) + 1);
    if (this.errorExamples.length < 5) this.errorExamples.push(`${name}: ${why}`);
  }

  get total(): number {
    let n = 0;
    for (const list of this.byName.values()) n += list.length;
    return n;
  }

  get errors(): number {
    let n = 0;
    for (const count of this.errorsByName.values()) n += count;
    return n;
  }

  table(seconds: number): string {
    const names = [...new Set([...this.byName.keys(), ...this.errorsByName.keys()])].sort();
    const rows = names.map((name) => {
      const list = [...(this.byName.get(name) ?? [])].sort((a, b) => a - b);
      return [
        name.padEnd(16),
        String(list.length).padStart(6),
        String(this.errorsByName.get(name) ?? 0).padStart(6),
        fmt(percentile(list, 50)),
        fmt(percentile(list, 95)),
        fmt(percentile(list, 99)),
        fmt(list[list.length - 1]),
      ].join('  ');
    });
    const header = [
      'operation'.padEnd(16),
      'ok'.padStart(6),
      'errors'.padStart(6),
      '   p50 ms',
      '   p95 ms',
      '   p99 ms',
      '   max ms',
    ].join('  ');
    const refused = [...this.refused].sort((a, b) => a - b);
    if (refused.length) {
      rows.push(
        [
          'refused (429)'.padEnd(16),
          String(refused.length).padStart(6),
          '-'.padStart(6),
          fmt(percentile(refused, 50)),
          fmt(percentile(refused, 95)),
          fmt(percentile(refused, 99)),
          fmt(refused[refused.length - 1]),
        ].join('  '),
      );
    }
    const throughput = `${(this.total / seconds).toFixed(1)} successful requests/s over ${seconds.toFixed(1)} s, ${this.errors} errors${refused.length ? `, ${refused.length} refused with 429` : ''}`;
    return [header, ...rows, throughput].join('\n');
  }

  /** p-th percentile over every successful request, whatever its operation. */
  overall(p: number): number | undefined {
    return percentile(
      [...this.byName.values()].flat().sort((a, b) => a - b),
      p,
    );
  }

  percentile(name: string, p: number): number | undefined {
    return percentile(
      [...(this.byName.get(name) ?? [])].sort((a, b) => a - b),
      p,
    );
  }
}

export function percentile(sorted: number[], p: number): number | undefined {
  if (!sorted.length) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const fmt = (ms: number | undefined) => (ms === undefined ? '-' : ms.toFixed(1)).padStart(9);
