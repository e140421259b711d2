import { z } from 'zod'
import { Span } from '../core/dates'
import type { Parameter } from '../core/parameter'
import { EmployerKind, Title } from '../eligibility/profile'

/** The receiving organisation's level; 中心乡镇卫生院 is apart because Henan and Sichuan treat it apart. */
export const ReceivingLevel = z.enum(['prefecture', 'county', 'centralTownship', 'township', 'community', 'village'])
export type ReceivingLevel = z.infer<typeof ReceivingLevel>

/** The supporting organisation's level (城市三级医院, 城市二级医院, 县级医院, 乡镇卫生院). */
export const SupportingLevel = z.enum(['tertiary', 'secondary', 'county', 'township'])
export type SupportingLevel = z.infer<typeof SupportingLevel>

/** What the posted person does; Changchun lets 管理、护理或医技人员 go without a physician's title bar. */
export const StaffRole = z.enum(['physician', 'nurse', 'pharmacist', 'medicalTechnician', 'manager', 'publicHealth'])
export type StaffRole = z.infer<typeof StaffRole>

/**
 * How a person serves: `resident` 驻点/派驻, `team` 组团式派驻 (Yantai county and township teams), `roving` 巡回医疗,
 * `technicalAssistance` 业务技术帮扶, `workstation331` "331" 名医基层工作站, `villageTeaching` 帮扶小组到村带教,
 * `tcmClinic` 中医馆坐诊指导, `redCrossVolunteer` 红会送医.
 */
export const PostingMode = z.enum([
  'resident',
  'team',
  'roving',
  'technicalAssistance',
  'workstation331',
  'villageTeaching',
  'tcmClinic',
  'redCrossVolunteer',
])
export type PostingMode = z.infer<typeof PostingMode>

/** Facts about one posting; all optional, absent = unknown, so an answer can name what it still needs. */
export const PostingFacts = z.object({
  title: Title.optional(),
  role: StaffRole.optional(),
  receivingLevel: ReceivingLevel.optional(),
  receivingKind: EmployerKind.optional(),
  supportingLevel: SupportingLevel.optional(),
  mode: PostingMode.optional(),
  /** 高年资主治医师: an intermediate title held long enough to count as senior attending (Zhejiang, Changchun). */
  seniorAttending: z.boolean().optional(),
  /** 工龄 in whole years (Sichuan supervision staff). */
  serviceYears: z.number().nonnegative().optional(),
  /** The receiving organisation is in a 深度贫困县 (Sichuan 师带徒 ratios apply there). */
  deepPovertyCounty: z.boolean().optional(),
})
export type PostingFacts = z.infer<typeof PostingFacts>

/** A fact name as reported in `missing`. */
export type PostingFactName = keyof PostingFacts

/** Which postings a rule is about; every listed dimension must match, an unlisted one matches anything. */
export interface Selector {
  titles?: Title[]
  modes?: PostingMode[]
  receivingLevels?: ReceivingLevel[]
  receivingKinds?: EmployerKind[]
  supportingLevels?: SupportingLevel[]
  roles?: StaffRole[]
  deepPovertyCounty?: boolean
}

/**
 * How often a posted person must be on site — what attendance is judged against. Spans stay in the text's own unit
 * (`{ count: 1, unit: 'year' }`); "半天" counts as one half-day.
 */
export const DutyPattern = z.discriminatedUnion('kind', [
  // On post every workday, without a break, for at least `minSpan` (Henan, Changchun, Yantai teams).
  z.object({ kind: z.literal('continuousResident'), minSpan: Span }),
  // On post every workday except statutory holidays for `minSpan`; no substitute mid-way (Sichuan intermediate).
  z.object({
    kind: z.literal('everyWorkday'),
    excludesStatutoryHolidays: z.literal(true),
    minSpan: Span,
    noSubstitution: z.boolean(),
  }),
  // Flexible on-site weeks inside a support period, remote guidance in between (Sichuan associate-senior and above).
  z.object({
    kind: z.literal('weeksPerMonth'),
    minWeeksPerMonth: z.number().positive(),
    minWeeksTotal: z.number().positive(),
    supportSpan: Span,
    remoteGuidanceOtherwise: z.boolean(),
  }),
  // Days on site each week, each at least some half-days; optionally a minimum stay in one village (Yantai 派驻).
  z.object({
    kind: z.literal('daysPerWeek'),
    minDays: z.number().positive(),
    minHalfDaysPerDay: z.number().positive(),
    minSpanSameVillage: Span.optional(),
  }),
  // Separate visits each week (Yantai 巡回医疗, 业务技术帮扶, 中医馆坐诊).
  z.object({
    kind: z.literal('visitsPerWeek'),
    min: z.number().positive(),
    minHalfDaysPerVisit: z.number().positive().optional(),
  }),
  // Separate visits each month of at least some days each (Yantai "331", 帮扶小组到村带教).
  z.object({ kind: z.literal('daysPerMonth'), min: z.number().positive(), minDaysPerVisit: z.number().positive() }),
  // The text sets no frequency: the posted doctor works the receiving hospital's outpatient and ward roster (Zhejiang).
  z.object({ kind: z.literal('receivingRoster') }),
])
export type DutyPattern = z.infer<typeof DutyPattern>

/** How firmly a text words a rule: 须 (required), 原则上 (in principle), 以…为主 (mainly). */
export const Strength = z.enum(['required', 'inPrinciple', 'mainly'])
export type Strength = z.infer<typeof Strength>

/**
 * A title bar for who may be sent. `alsoWithSeniority` admits that title only when senior enough (高年资主治医师);
 * `exemptRoles` may be sent whatever their title (Changchun 管理、护理或医技人员).
 */
export const TitleRule = z.object({
  min: Title,
  alsoWithSeniority: Title.optional(),
  exemptRoles: z.array(StaffRole).optional(),
  strength: Strength,
  requirement: z.string().min(1),
})
export type TitleRule = z.infer<typeof TitleRule>

/** A minimum of 工龄 years. */
export const ServiceYearsRule = z.object({
  minYears: z.number().positive(),
  strength: Strength,
  requirement: z.string().min(1),
})
export type ServiceYearsRule = z.infer<typeof ServiceYearsRule>

/** A statement about who is sent that sets no bar (`open`) or puts the posting outside the text (`outOfScope`). */
export const SendStatement = z.object({ requirement: z.string().min(1) })
export type SendStatement = z.infer<typeof SendStatement>

/** One rule about who may be sent, with the postings it is about. */
export type SendRule =
  | { check: 'title'; when: Selector; rule: Parameter<TitleRule> }
  | { check: 'serviceYears'; when: Selector; rule: Parameter<ServiceYearsRule> }
  | { check: 'open' | 'outOfScope'; when: Selector; rule: Parameter<SendStatement> }

/**
 * A number a text attaches to a posting or a pair: team sizes, staff shares, 师带徒 ratios, 进修 counts, weekly duties,
 * or a sentence the person confirms. Within one `key`, the first rule that matches wins (a TCM hospital's 3, else 5).
 */
export const Provision = z.object({
  key: z.string().min(1),
  kind: z.enum(['quota', 'activity', 'attestation', 'note']),
  /** Whom the number binds: the posted person, the team, one hospital, the support pair, or a whole county or city (region). */
  scope: z.enum(['person', 'team', 'hospital', 'pair', 'region']),
  min: z.number().nonnegative().optional(),
  max: z.number().positive().optional(),
  approx: z.boolean().optional(),
  unit: z.string().optional(),
  per: Span.optional(),
  text: z.string().min(1),
})
export type Provision = z.infer<typeof Provision>

/** A pack's posting rules: duty patterns (first match wins), who may be sent, and provisions. */
export interface PostingRules {
  /** The mode assumed when a posting names none (most texts know one kind of posting). */
  defaultMode?: PostingMode
  duty: { when: Selector; pattern: Parameter<DutyPattern> }[]
  send: SendRule[]
  provisions: { when: Selector; provision: Parameter<Provision> }[]
}
