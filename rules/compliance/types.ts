import { z } from 'zod'
import type { IsoDate } from '../core/parameter'
import type { Source } from '../core/source'
import type { PolicyId } from '../core/pack'
import { EmployerKind, Title } from '../eligibility/profile'
import { PostingMode, ReceivingLevel, type Selector, StaffRole, SupportingLevel } from '../posting/types'

/**
 * How one requirement stands: `failed` (short, by how much where the text counts), `unknown` (the data cannot say;
 * `missing` names what it needs), `pending` (a yearly or cycle target not reached yet while its window is open),
 * `notJudged` (outside the text's period, or a number the text gives only as "左右"), `passed`.
 */
export const ComplianceStatus = z.enum(['failed', 'unknown', 'pending', 'notJudged', 'passed'])
export type ComplianceStatus = z.infer<typeof ComplianceStatus>

/** The window a requirement counts over: the reference day, the month, the calendar year, or the support cycle. */
export type ComplianceWindow = 'day' | 'month' | 'year' | 'cycle'

/** One requirement for one org (and person, where the text counts per person), judged. */
export interface ComplianceLine {
  policyId: PolicyId
  orgId: string
  orgName: string
  personName?: string
  /** The requirement's key (teamSize, outpatientHalfDays, mentees…), stable for tests and exports. */
  requirement: string
  /** What the text asks, in its own words ("每批向每所受援医院派驻至少5人"). */
  asks: string
  status: ComplianceStatus
  reason: string
  /** How far short, in `unit`, when failed by a count. */
  shortBy?: number
  unit?: string
  missing?: string[]
  window: ComplianceWindow
  source: Source
}

/** The 月报 numbers the texts count, per receiving org (summed over a window). */
export const REPORT_MEASURES = [
  'fellowsSent',
  'remoteSessions',
  'newSpecialties',
  'appropriateTechniques',
  'newServices',
  'urgentNeeds',
  'weakLinks',
  'techTeams',
] as const
export type ReportMeasure = (typeof REPORT_MEASURES)[number]

/** The 月报 numbers the texts count per posted doctor, for the month. */
export const DOCTOR_MEASURES = ['outpatientHalfDays', 'teachingRounds', 'clinicalTeaching'] as const
export type DoctorMeasure = (typeof DOCTOR_MEASURES)[number]

/** Sums of 月报 numbers over a window: `reported` counts the window's months that gave the number at all. */
export interface ReportWindow {
  from: IsoDate
  /** Last day of the window (inclusive). */
  to: IsoDate
  /** Whether the window is over by the day judged: only then can a target be missed. */
  closed: boolean
  months: number
  totals: Partial<Record<ReportMeasure, number>>
  reported: Partial<Record<ReportMeasure, number>>
}

/** One person posted to the receiving org under the pack, as the roster, attendance and 月报 give them. */
export interface PostedPerson {
  postingId: string
  personName: string
  supportingOrgId: string
  supportingOrgName: string
  mode?: PostingMode
  role?: StaffRole
  title?: Title
  seniorAttending?: boolean
  /** Whether the posting covers the reference day (a team counts who is there on it). */
  onPost: boolean
  /** Days of the month the posting covers. */
  daysInMonth: number
  /** Days marked present this month; undefined when attendance is not kept for the posting. */
  presentDays?: number
  /** 师带徒 apprentices, from the roster; undefined = not given. */
  apprentices?: number
  /** The month's 月报 numbers for this doctor; a measure absent = not reported. */
  activity: Partial<Record<DoctorMeasure, number>>
}

/** A receiving org's month under one pack. */
export interface ReceivingOrgFacts {
  month: string
  /** The day the team is counted on: the month's last day, or today in the running month. */
  asOf: IsoDate
  org: { id: string; name: string; level?: ReceivingLevel; kind?: EmployerKind; deepPovertyCounty?: boolean }
  people: PostedPerson[]
  /** Whether the org's 月报 for the month exists. */
  reportFiled: boolean
  windows: { month: ReportWindow; year: ReportWindow; cycle: ReportWindow | null }
}

/** A supporting hospital's month under one pack: whom it has sent, and the receiving orgs it is paired with. */
export interface SupportingOrgFacts {
  month: string
  asOf: IsoDate
  org: { id: string; name: string; level?: SupportingLevel; kind?: EmployerKind; staffCount?: number }
  /** Distinct people on post on `asOf`, with the receiving level of their posting. */
  sent: { personName: string; receivingLevel?: ReceivingLevel; mode?: PostingMode }[]
  /** Receiving orgs paired with it on `asOf`, with their level. */
  receiving: { name: string; level?: ReceivingLevel }[]
}

/** A team composition the text names: each entry is one 专业 the team must include (any of the roles listed). */
export const TeamComposition = z.object({ needs: z.array(z.array(StaffRole).min(1)).min(1), text: z.string().min(1) })
export type TeamComposition = z.infer<typeof TeamComposition>

/** A statement that a team comes from one supporting hospital. */
export const OneHospitalTeam = z.object({ text: z.string().min(1) })
export type OneHospitalTeam = z.infer<typeof OneHospitalTeam>

/** How many receiving orgs of a level a supporting hospital of some kind pairs with (浙江 三(一)). */
export const PairsPerHospital = z.object({
  supportingKinds: z.array(EmployerKind).min(1),
  receivingLevels: z.array(ReceivingLevel).min(1),
  count: z.number().positive(),
  approx: z.boolean(),
  unit: z.string().min(1),
  text: z.string().min(1),
})
export type PairsPerHospital = z.infer<typeof PairsPerHospital>

export type { Selector }
