import { parseArgs } from 'node:util'
import { z } from 'zod'
import { DATA_YEARS, parseMonth, parseWholeNumber } from '../domain/strict-input'
import { openDatabase } from '../../db/client'
import { migrate } from '../../db/migrate'
import { formatMonthRecord } from '../demo/month-record'
import { DEMO_PEOPLE, DEMO_TENANT } from '../demo/seed'
import { simulateMonth } from '../demo/simulate-month'
import { lastDayOf } from '../time/days'

export const SIMULATE_USAGE = `  simulate --month YYYY-MM [--seed N]
      walks the demo deployment through a month on a fresh in-memory database (DATABASE_URL is not touched):
      check-ins, a leave, a 补卡, the jobs every few hours; prints the attendance record, absences and every notice.`

const Options = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must look like 2026-10')
    .refine((m) => parseMonth(m, DATA_YEARS).ok, `month must look like 2026-10, in ${DATA_YEARS.min}–${DATA_YEARS.max}`),
  seed: z
    .string()
    .default('1')
    .transform((s, ctx) => {
      const seed = parseWholeNumber(s, { min: 0, max: 2 ** 31 - 1, label: { zh: '--seed', en: '--seed' } })
      if (seed.ok) return seed.value
      ctx.addIssue({ code: 'custom', message: seed.reason.en })
      return z.NEVER
    }),
})

const nameOf = (handle: string) => DEMO_PEOPLE.find((p) => p.handle === handle)?.name ?? handle

/** `npm run cli -- simulate --month 2026-10 [--seed 7]`: a month of the demo, as a clerk's record. */
export async function simulateCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { month: { type: 'string' }, seed: { type: 'string' } } })
  const parsed = Options.safeParse(values)
  if (!parsed.success) {
    console.error(`duikou: ${z.prettifyError(parsed.error)}\n${SIMULATE_USAGE}`)
    process.exit(2)
  }
  const { month, seed } = parsed.data
  // Always a throwaway database: a simulation must never write into a real deployment.
  const database = await openDatabase({ driver: 'pglite', dataDir: null })
  try {
    await migrate(database)
    const plan = await simulateMonth(database.db, { month, seed })
    const last = lastDayOf(month)
    console.log(`演示部署 ${month} 模拟（种子 ${seed}）：${plan.workdays.length} 个工作日${plan.leave ? `；${nameOf(plan.leave.handle)}请假 ${plan.leave.days.join('、')}` : ''}${plan.correction ? `；${nameOf(plan.correction.handle)} ${plan.correction.day} 漏签，${plan.correction.requestedOn} 补卡` : ''}\n`)
    console.log(await formatMonthRecord(database.db, { tenantId: DEMO_TENANT, month, last }))
  } finally {
    await database.close()
  }
}
