import { z } from 'zod'
import { Span } from '../core/dates'
import { IsoDate, type Parameter } from '../core/parameter'
import { Source } from '../core/source'
import { EmployerLevel, Title } from '../eligibility/profile'
import { ReceivingLevel } from '../posting/types'

/** Kinds of service a text may count: 对口支援 itself, and government-organised 援外、援藏、援疆、扶贫 (others: 等). */
export const ServiceKind = z.enum([
  'counterpartSupport',
  'aidForeign',
  'aidTibet',
  'aidXinjiang',
  'povertyAlleviation',
  'otherAid',
])
export type ServiceKind = z.infer<typeof ServiceKind>

/** Hospital grade (一级、二级、三级), for "城市二级以上医院". */
export const HospitalGrade = z.enum(['primary', 'secondary', 'tertiary'])
export type HospitalGrade = z.infer<typeof HospitalGrade>

/**
 * One continuous stint at one receiving organisation (a break starts a new record). Give `from` and `to` (both days
 * served) for exact answers; `days` alone proves a span only when it is long enough in every calendar alignment.
 */
export const ServiceRecord = z.object({
  kind: ServiceKind,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  days: z.number().int().nonnegative().optional(),
  receivingLevel: ReceivingLevel.optional(),
  assessedPassed: z.boolean().optional(),
  /** Reported to and reviewed by the provincial 对口支援管理办公室 (Sichuan). */
  filedWithProvince: z.boolean().optional(),
  /** The year's support agreement was uploaded to the 城乡医院对口支援信息系统 on time (Yantai). */
  agreementFiled: z.boolean().optional(),
  /** Organised by the government (Henan counts 政府组织的 援外、援藏、援疆、扶贫). */
  governmentOrganised: z.boolean().optional(),
})
export type ServiceRecord = z.infer<typeof ServiceRecord>

/** What a person asking about promotion tells us; absent = unknown. */
export const CreditFacts = z.object({
  targetTitle: Title.optional(),
  employer: z.object({ level: EmployerLevel.optional(), grade: HospitalGrade.optional() }).optional(),
  /** The day 住院医师规范化培训 was completed, for Henan's new-graduate rule. */
  residencyCompletedOn: IsoDate.optional(),
  records: z.array(ServiceRecord).optional(),
})
export type CreditFacts = z.infer<typeof CreditFacts>

/** Employers a rule binds: any listed level, at or above the grade where one is given ("城市二级以上医院和县级医院"). */
export const EmployerScope = z.array(z.object({ level: EmployerLevel, minGrade: HospitalGrade.optional() }))
export type EmployerScope = z.infer<typeof EmployerScope>

/**
 * Service is a prerequisite for promotion to `targetTitles`. `required` null: the text demands service without saying
 * how long (Henan "没有达到支援年限的" with no 年限 stated). `accumulates`: stints add up (Henan "可以累计").
 */
export const Prerequisite = z.object({
  targetTitles: z.array(Title),
  employers: EmployerScope.optional(),
  required: Span.nullable(),
  accumulates: z.boolean(),
  requirement: z.string().min(1),
  /** The clause that says what happens without the service. */
  consequence: Source.optional(),
})
export type Prerequisite = z.infer<typeof Prerequisite>

/** Service is governed by another document the text names (Yantai: 山东省…管理办法). */
export const Elsewhere = z.object({ targetTitles: z.array(Title), requirement: z.string().min(1) })
export type Elsewhere = z.infer<typeof Elsewhere>

/** Good service earns priority in promotion but is not required; `titles` absent = any promotion. */
export const Priority = z.object({ titles: z.array(Title).optional(), requirement: z.string().min(1) })
export type Priority = z.infer<typeof Priority>

/** A condition one service record must meet to count. */
export const RecordRule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('countedKinds'),
    kinds: z.array(ServiceKind),
    /** Kinds the text's "等" may or may not cover. */
    uncertainKinds: z.array(ServiceKind).optional(),
    requirement: z.string().min(1),
  }),
  z.object({ kind: z.literal('governmentOrganised'), kinds: z.array(ServiceKind), requirement: z.string().min(1) }),
  z.object({ kind: z.literal('minContinuous'), kinds: z.array(ServiceKind), span: Span, requirement: z.string().min(1) }),
  z.object({ kind: z.literal('assessedPassed'), requirement: z.string().min(1) }),
  z.object({
    kind: z.literal('filed'),
    fact: z.enum(['filedWithProvince', 'agreementFiled']),
    requirement: z.string().min(1),
  }),
])
export type RecordRule = z.infer<typeof RecordRule>

/** An obligation after 住院医师规范化培训: within `within`, one stint of `minContinuous` at one of `receivingLevels`. */
export const AfterResidency = z.object({
  employers: EmployerScope,
  within: Span,
  minContinuous: Span,
  receivingLevels: z.array(ReceivingLevel),
  requirement: z.string().min(1),
})
export type AfterResidency = z.infer<typeof AfterResidency>

/** A pack's service-credit rules; a pack without any of the three bases says nothing about promotion. */
export interface CreditRules {
  prerequisite?: Parameter<Prerequisite>
  elsewhere?: Parameter<Elsewhere>
  priority?: Parameter<Priority>
  records: Parameter<RecordRule>[]
  afterResidency?: Parameter<AfterResidency>
  /** Context a reply should carry (Sichuan: local staff's promotion runs through 进修 instead). */
  notes: Parameter<{ text: string }>[]
}
