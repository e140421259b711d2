// Unit arithmetic the texts' numbers need but never state: a percentage is per hundred. Like dates.ts, this module
// holds a number that is no policy's, so the no-policy-numbers test does not scan it.

const PER_CENT = 100

/** The fewest whole people that make at least `share` % of `total`: 1.2 % of 400 staff is 5 (4.8 rounded up). */
export function wholeShareOf(share: number, total: number): number {
  return Math.ceil((share * total) / PER_CENT - Number.EPSILON * total)
}
