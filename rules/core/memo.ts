/** A year of days: enough for every answer of a year to share one check, and a bound, since the date is the caller's. */
const DATES_KEPT = 366
/**
 * Checks kept per criterion: far more than the combinations of facts real applicants bring, and a bound, since a
 * number such as `clinicalYears` is the caller's.
 */
const ANSWERS_KEPT = 4096

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

type Trie = Map<unknown, unknown>

/**
 * Values remembered per owner object and a list of parts, each compared as a Map key compares it (objects by
 * identity, everything else by value). Every list for one owner has the same length; an empty list is not
 * remembered. Past ANSWERS_KEPT lists for one owner its memory starts again. Values are shared between callers:
 * keep them immutable.
 */
export class MemoByParts<O extends object, V> {
  readonly #byOwner = new WeakMap<O, { root: Trie; size: number }>()

  get(owner: O, parts: readonly unknown[]): V | undefined {
    if (parts.length === 0) return undefined
    let node: unknown = this.#byOwner.get(owner)?.root
    for (let i = 0; node !== undefined && i < parts.length; i++) node = (node as Trie).get(parts[i])
    return node as V | undefined
  }

  set(owner: O, parts: readonly unknown[], value: V): V {
    if (parts.length === 0) return value
    let kept = this.#byOwner.get(owner)
    if (!kept || kept.size >= ANSWERS_KEPT) this.#byOwner.set(owner, (kept = { root: new Map(), size: 0 }))
    let node = kept.root
    const last = parts.length - 1
    for (let i = 0; i < last; i++) {
      let next = node.get(parts[i]) as Trie | undefined
      if (!next) node.set(parts[i], (next = new Map()))
      node = next
    }
    if (!node.has(parts[last])) kept.size++
    node.set(parts[last], value)
    return value
  }
}
