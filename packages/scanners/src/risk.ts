/**
 * Risk score as in LLM Guard: with threshold t and highest kept score s,
 * `s > t ? (s - t) / (1 - t) : (s - t) / t`, rounded to one decimal and clamped to [-1, 1];
 * -1 when nothing was found.
 */
export function riskScore(highestScore: number | undefined, threshold: number): number {
  if (highestScore === undefined || Number.isNaN(highestScore)) return -1;
  let raw: number;
  if (highestScore > threshold) raw = threshold >= 1 ? 1 : (highestScore - threshold) / (1 - threshold);
  else raw = threshold <= 0 ? 0 : (highestScore - threshold) / threshold;
  // Half away from zero, with a nudge so binary noise (0.95 - 0.8 = 0.1499...) rounds as written.
  const rounded = (Math.sign(raw) * Math.round(Math.abs(raw) * 10 + 1e-9)) / 10;
  // Adding 0 turns -0 into 0.
  return Math.min(1, Math.max(-1, rounded)) + 0;
}

/** Highest score of a list of findings, or undefined for an empty list. */
export function highestScore(findings: ReadonlyArray<{ score: number }>): number | undefined {
  let best: number | undefined;
  for (const f of findings) if (best === undefined || f.score > best) best = f.score;
  return best;
}
