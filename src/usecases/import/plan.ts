import type { RosterSnapshot } from '../../../db/repositories/roster'
import type { ParsedFile } from './parse'
import type { PlanItem } from './plan-types'
import { planRoster } from './plan-roster'
import { planZhejiang } from './plan-zhejiang'
import type { RowError } from './types'
import { World } from './world'

/**
 * What importing the parsed file would change in a tenant whose rows are `snapshot`: creates and updates by natural
 * key, in the order they can be applied. Pure. Rows that cannot be planned become errors; with any error (from
 * parsing or planning) the plan is empty, because an import writes everything or nothing.
 */
export function planImport(snapshot: RosterSnapshot, parsed: ParsedFile, newTenant: { id: string; name: string } | null): { plan: PlanItem[]; errors: RowError[] } {
  const out = { plan: [] as PlanItem[], errors: [...parsed.errors] }
  if (newTenant) out.plan.push({ entity: 'tenant', action: 'create', key: { id: newTenant.id }, before: null, after: { name: newTenant.name }, source: null })
  const world = new World(snapshot)
  if (parsed.kind === 'zhejiang-pairs') planZhejiang(world, parsed.pairs, out)
  else planRoster(world, parsed.roster, out)
  // Errors read in file order: sheet by sheet as they first appear, then by row.
  const sheets = [...new Set(out.errors.map((e) => e.sheet))]
  const errors = out.errors.sort((a, b) => sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || (a.row ?? 0) - (b.row ?? 0))
  return errors.length > 0 ? { plan: [], errors } : { plan: out.plan, errors }
}
