import { recordAudit } from '../../../db/repositories/audit'
import { overridesForYear, setOverride } from '../../../db/repositories/calendar'
import { tenantExists } from '../../../db/repositories/tenants'
import { type NoticeDay, parseHolidayNotice } from '../../time/holiday-notice'
import type { UseCaseDeps } from '../deps'

export type ImportNoticeResult =
  | { outcome: 'imported'; year: number; holidays: NoticeDay[]; workdays: NoticeDay[]; entered: number }
  | { outcome: 'rejected'; line: string | null; message: string }
  | { outcome: 'unknownTenant' }

/**
 * Enters a year's holidays and 调休 workdays from the State Council's notice text, for the years the holiday library
 * does not know yet. All or nothing (one transaction, nothing written when a line does not add up); a day already
 * entered the same way is left alone, so importing the same notice twice enters 0 days. `dryRun` only reads it.
 */
export async function importHolidayNotice(
  deps: UseCaseDeps,
  input: { tenantId: string; text: string; dryRun: boolean; actor: { personId: string | null; label: string | null } },
): Promise<ImportNoticeResult> {
  const parsed = parseHolidayNotice(input.text)
  if (!parsed.ok) return { outcome: 'rejected', line: parsed.line, message: parsed.message }
  const { year, holidays, workdays } = parsed.notice
  return deps.db.transaction(async (tx) => {
    if (!(await tenantExists(tx, input.tenantId))) return { outcome: 'unknownTenant' as const }
    const existing = (await overridesForYear(tx, input.tenantId, year)).entries
    const wanted = [...holidays.map((d) => ({ ...d, kind: 'holiday' as const })), ...workdays.map((d) => ({ ...d, kind: 'workday' as const }))]
    const changes = wanted.filter((d) => existing.get(d.day)?.kind !== d.kind || existing.get(d.day)?.name !== d.name)
    if (!input.dryRun && changes.length) {
      for (const d of changes) await setOverride(tx, { tenantId: input.tenantId, day: d.day, kind: d.kind, name: d.name, enteredBy: input.actor.personId })
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actorPersonId: input.actor.personId,
        actorLabel: input.actor.label,
        action: 'calendar.notice_imported',
        entity: 'calendar_year',
        entityId: String(year),
        before: changes.map((d) => ({ day: d.day, ...(existing.get(d.day) ?? {}) })),
        after: changes,
        at: deps.clock.now(),
      })
    }
    return { outcome: 'imported' as const, year, holidays, workdays, entered: input.dryRun ? 0 : changes.length }
  })
}
