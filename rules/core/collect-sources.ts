import type { Source } from './source'

function isSource(value: unknown): value is Source {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.document === 'string' && typeof v.clause === 'string' && typeof v.quote === 'string'
}

/** Every `Source` reachable from a value (packs, parameters, programmes), for the verbatim-quote test. */
export function collectSources(value: unknown, seen = new Set<unknown>()): Source[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return []
  seen.add(value)
  if (isSource(value)) return [value]
  return Object.values(value as Record<string, unknown>).flatMap((v) => collectSources(v, seen))
}
