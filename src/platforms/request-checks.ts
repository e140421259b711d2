import { timingSafeEqual } from 'node:crypto'

/** Constant-time string equality; unequal lengths are unequal without leaking where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Both platforms sign a timestamp; a request further off than this is a replay or a broken clock. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60
