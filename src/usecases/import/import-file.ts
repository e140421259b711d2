import type { Db } from '../../../db/client'
import { loadRosterSnapshot, lockTenantForImport, type RosterSnapshot } from '../../../db/repositories/roster'
import { tenantExists } from '../../../db/repositories/tenants'
import type { UseCaseDeps } from '../deps'
import { applyPlan } from './apply'
import { type ParsedFile, parseImportFile } from './parse'
import { planImport } from './plan'
import { countPlan, type PlanCounts, type PlanItem } from './plan-types'
import type { ImportKind, RowError } from './types'
import { FileTooLarge } from './zip-limits'

export interface ImportInput {
  tenantId: string
  /** The file's shape; absent = detected from its headers. */
  kind?: ImportKind
  bytes: Uint8Array
  fileName: string
  dryRun: boolean
  /** Who imports, for the audit log; null when it is the admin token or the operator's CLI, not a person. */
  /** A person, or a label for who acted without being one (the admin API, the CLI). */
  actor: { personId: string | null; label?: string }
  /** Create the tenant when it does not exist (the CLI's --create-tenant, for a fresh database). */
  createTenant?: boolean
}

export type ImportResult =
  | { outcome: 'unknownTenant'; tenantId: string }
  /** Reading the file would pass a cap (SHEET_LIMITS); the message names it. Nothing was read into the database. */
  | { outcome: 'tooLarge'; limit: FileTooLarge['limit']; message: string }
  | {
      /** rejected: rows failed and nothing was written; planned: a dry run; applied: written (or nothing to do). */
      outcome: 'rejected' | 'planned' | 'applied'
      kind: ImportKind
      dryRun: boolean
      created: PlanCounts
      changed: PlanCounts
      errors: RowError[]
      plan: PlanItem[]
    }

const hasRecords = (parsed: ParsedFile) => (parsed.kind === 'zhejiang-pairs' ? parsed.pairs.length > 0 : Object.values(parsed.roster).some((rows) => rows.length > 0))

const EMPTY_SNAPSHOT: RosterSnapshot = { orgs: [], people: [], identities: [], roles: [], pairs: [], postings: [] }

/**
 * 导入: reads an office's .xlsx/.csv, plans the creates and changes by natural key and, unless it is a dry run,
 * writes them in one transaction with an audit row each. Any row error means nothing is written; importing the same
 * file again plans nothing.
 */
export async function importFile(deps: UseCaseDeps, input: ImportInput): Promise<ImportResult> {
  let parsed
  try {
    parsed = await parseImportFile(input.bytes, input.fileName, input.kind)
  } catch (error) {
    if (error instanceof FileTooLarge) return { outcome: 'tooLarge', limit: error.limit, message: error.message }
    throw error
  }
  // A file that could not be read (or holds nothing) is rejected whatever the roster holds: no transaction, no roster
  // read, so a dozen broken uploads at once do not hold the connections every other request needs.
  if (parsed.errors.length > 0 && !hasRecords(parsed)) {
    if (!input.createTenant && !(await tenantExists(deps.db, input.tenantId))) return { outcome: 'unknownTenant', tenantId: input.tenantId }
    return { outcome: 'rejected', kind: parsed.kind, dryRun: input.dryRun, ...countPlan([]), errors: planImport(EMPTY_SNAPSHOT, parsed, null).errors, plan: [] }
  }
  return deps.db.transaction(async (tx: Db): Promise<ImportResult> => {
    // Taken before reading, so a concurrent import of the same tenant plans against what this one wrote.
    if (!input.dryRun) await lockTenantForImport(tx, input.tenantId)
    const exists = await tenantExists(tx, input.tenantId)
    if (!exists && !input.createTenant) return { outcome: 'unknownTenant', tenantId: input.tenantId }
    const snapshot = exists ? await loadRosterSnapshot(tx, input.tenantId) : EMPTY_SNAPSHOT
    const { plan, errors } = planImport(snapshot, parsed, exists ? null : { id: input.tenantId, name: input.tenantId })
    const report = { kind: parsed.kind, dryRun: input.dryRun, ...countPlan(plan), errors, plan }
    if (errors.length > 0) return { outcome: 'rejected', ...report }
    if (input.dryRun) return { outcome: 'planned', ...report }
    await applyPlan(tx, snapshot, plan, { tenantId: input.tenantId, actorPersonId: input.actor.personId, actorLabel: input.actor.label ?? null, at: deps.clock.now() })
    return { outcome: 'applied', ...report }
  })
}
