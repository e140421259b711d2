import { z } from 'zod'
import { DayNumber as Day, MonthNumber as Month } from '../core/dates'
import { IsoDate, type Parameter } from '../core/parameter'

/**
 * When something is due: every year on a month's day or last day ("每年5月底前" = 5/'end'), every month, once, or
 * with no date at all (a text that says "及时" or "按年度"). `opens` marks a window's start (第四季度 opens 10-01).
 */
export const DueRule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('yearly'),
    month: Month,
    day: z.union([Day, z.literal('end')]),
    opens: z.object({ month: Month, day: Day }).optional(),
  }),
  z.object({ kind: z.literal('monthly'), day: z.union([Day, z.literal('end')]) }),
  z.object({ kind: z.literal('once'), date: IsoDate, opens: IsoDate.optional() }),
  z.object({ kind: z.literal('undated'), cadence: z.enum(['yearly', 'ongoing']) }),
])
export type DueRule = z.infer<typeof DueRule>

/** Who must act: a health administration office, a hospital (either side or both), or the Red Cross teams. */
export const Audience = z.enum(['office', 'hospital', 'supportingHospital', 'receivingHospital', 'redCross'])
export type Audience = z.infer<typeof Audience>

/** One deadline of a pack; `due` is dated so a rule can change by year (Henan 2015's own recruitment dates). */
export interface CalendarEntry {
  key: string
  title: string
  audience: Audience
  /** The body the text names, in its words (县级医改领导小组办公室, 各区市卫健局及委直各医院). */
  audienceDetail: string
  due: Parameter<DueRule>
}
