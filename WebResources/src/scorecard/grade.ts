// The grade matrix: fit bands give the letter (A best), engagement bands the digit (1 best).
// Bands are lower bounds, highest first: fitBands [60, 30] → A ≥ 60, B ≥ 30, C below.

export interface Band {
  code: string;
  /** Inclusive lower bound; null for the lowest band. */
  min: number | null;
  /** Exclusive upper bound; null for the highest band. */
  max: number | null;
}

const LETTERS = "ABCDEFGH";

function bandsOf(bounds: number[], code: (i: number) => string): Band[] {
  const sorted = [...bounds].filter((b) => Number.isFinite(b)).sort((a, b) => b - a);
  const out: Band[] = [];
  for (let i = 0; i <= sorted.length; i++) {
    out.push({ code: code(i), min: i < sorted.length ? sorted[i]! : null, max: i === 0 ? null : sorted[i - 1]! });
  }
  return out;
}

export function fitBands(bounds: number[]): Band[] {
  return bandsOf(bounds, (i) => LETTERS[i] ?? `F${i + 1}`);
}

export function engagementBands(bounds: number[]): Band[] {
  return bandsOf(bounds, (i) => String(i + 1));
}

export function bandOf(bands: Band[], value: number): Band {
  for (const b of bands) if (b.min === null || value >= b.min) return b;
  return bands[bands.length - 1]!;
}

/** The grade of a fit and an engagement under the given bands, e.g. "A2". */
export function gradeOf(fit: number, engagement: number, fitBounds: number[], engagementBounds: number[]): string {
  return bandOf(fitBands(fitBounds), fit).code + bandOf(engagementBands(engagementBounds), engagement).code;
}

/** "≥ 60", "30–59", "< 30" */
export function bandLabel(b: Band, n: (x: number) => string): string {
  if (b.max === null && b.min !== null) return `≥ ${n(b.min)}`;
  if (b.min === null && b.max !== null) return `< ${n(b.max)}`;
  if (b.min !== null && b.max !== null) return `${n(b.min)}–${n(b.max - 1)}`;
  return "all";
}
