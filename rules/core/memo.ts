/** A year of days: enough for every answer of a year to share one check, and a bound, since the date is the caller's. */
const DATES_KEPT = 366

/**
 * `compute(key, date)` remembered per key object and date. Past DATES_KEPT dates for one key its memory starts
 * again, so callers asking about arbitrary dates cannot make it grow. The value is shared: keep it immutable.
 */
export function memoByDate<K extends object, V>(compute: (key: K, date: string) => V): (key: K, date: string) => V {
  const byKey = new WeakMap<K, Map<string, V>>()
  return (key, date) => {
    let byDate = byKey.get(key)
    if (!byDate) byKey.set(key, (byDate = new Map()))
    if (byDate.has(date)) return byDate.get(date)!
    if (byDate.size >= DATES_KEPT) byDate.clear()
    const value = compute(key, date)
    byDate.set(date, value)
    return value
  }
}
