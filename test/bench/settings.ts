/** A whole-number setting of the benchmark from the environment, or its default. */
export function positiveSetting(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value.trim());
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${name}: "${value}" is not a positive whole number.`);
  return number;
}

/** A list of whole numbers (e.g. BENCH_GROWTH=10,100,1000), or its default. */
export function positiveListSetting(name: string, fallback: readonly number[]): number[] {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') return [...fallback];
  return value.split(',').map((item) => {
    const number = Number(item.trim());
    if (!Number.isInteger(number) || number <= 0) throw new Error(`${name}: "${item}" is not a positive whole number.`);
    return number;
  });
}
