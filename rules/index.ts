export * from './core/source'
export * from './core/parameter'
export * from './core/decision'
export * from './core/pack'
export { POLICY_META } from './policies/meta'

// Eligibility for the Henan 2015 programmes (豫卫发〔2015〕2号 附件1–9).
export {
  Profile,
  EducationLevel,
  Title,
  Licence,
  Major,
  EmployerLevel,
  EmployerKind,
  type ProfileField,
} from './eligibility/profile'
export type { Cited, Condition, Programme, Statement } from './eligibility/programme'
export { defineProgramme } from './eligibility/programme-schema'
export { type EligibilityCheck, evaluateCondition } from './eligibility/conditions'
export { FIELD_LABELS } from './eligibility/labels'
export {
  PROGRAMMES,
  type EligibilityResult,
  UnknownProgrammeError,
  evaluateAll,
  evaluateEligibility,
  findProgramme,
  periodCheck,
} from './eligibility/evaluate'
export { HENAN_2015_PROGRAMMES } from './policies/henan-2015/programmes'

// Counterpart support across all five packs: posting requirements, service credit, escalation, calendars.
export * as dates from './core/dates'
export { Span } from './core/dates'
export { type Segment, inSegment, segmentsOf } from './core/segments'
export { packPeriodCheck, periodCoversYear } from './core/coverage'
export {
  DutyPattern,
  PostingFacts,
  PostingMode,
  Provision,
  ReceivingLevel,
  SendStatement,
  ServiceYearsRule,
  StaffRole,
  Strength,
  SupportingLevel,
  TitleRule,
  type PostingFactName,
  type PostingRules,
  type Selector,
  type SendRule,
} from './posting/types'
export { MODE_TEXT, POSTING_FACT_TEXT, ROLE_TEXT, STRENGTH_TEXT, TITLE_TEXT } from './posting/labels'
export { describeDuty } from './posting/describe'
export { checkWhoMayBeSent } from './posting/who-may-be-sent'
export { type OverviewLine, type PackOverview, packOverview } from './posting/overview'
export { type DutyAnswer, type PostingRequirement, type ProvisionAnswer, postingRequirement } from './posting/requirement'
export {
  AfterResidency,
  CreditFacts,
  Elsewhere,
  EmployerScope,
  HospitalGrade,
  Prerequisite,
  Priority,
  RecordRule,
  ServiceKind,
  ServiceRecord,
  type CreditRules,
} from './credit/types'
export { SERVICE_KIND_TEXT } from './credit/labels'
export { type RecordResult } from './credit/records'
export { type CreditBasisKind, type ServiceCreditAnswer, serviceCredit } from './credit/service-credit'
export {
  EscalationAction,
  LadderKind,
  LadderStep,
  Recipient,
  Threshold,
  type EscalationRules,
} from './escalation/types'
export { type EscalationAnswer, escalationStep } from './escalation/escalation-step'
export { Audience, DueRule, type CalendarEntry } from './calendar/types'
export { type DueDate, type DueDatesAnswer, type UndatedDuty, dueDates } from './calendar/due-dates'
export { PACK_PERIODS, SUPPORT_PERIODS } from './policies/periods'
export type { PackPeriod } from './policies/support-data'
export { SUPPORT_RULES, type SupportRules } from './policies/support-rules'
export { ZHEJIANG_MODEL_AGREEMENT, type AgreementParagraph } from './policies/zhejiang-2014/agreement'

// What the texts ask of teams and hospitals, judged from postings, attendance and 月报 (达标).
export {
  ComplianceStatus,
  DOCTOR_MEASURES,
  REPORT_MEASURES,
  type ComplianceLine,
  type ComplianceWindow,
  type DoctorMeasure,
  type PostedPerson,
  type ReceivingOrgFacts,
  type ReportMeasure,
  type ReportWindow,
  type SupportingOrgFacts,
} from './compliance/types'
export { type ComplianceData, type CompliancePack } from './compliance/pack'
export { DOCTOR_MEASURE_TEXT, REPORT_MEASURE_TEXT, STATUS_TEXT as COMPLIANCE_STATUS_TEXT, STATUS_TEXT_EN as COMPLIANCE_STATUS_TEXT_EN } from './compliance/labels'
export { worstFirst, worse } from './compliance/lines'
export { receivingOrgCompliance, supportingOrgCompliance } from './compliance/evaluate'
export { TEAM_DATA, seedCompliancePack } from './policies/compliance-packs'
// Successor documents (政策延续) an office enters: they reach the evaluators above as an argument.
export { ContinuedBy, citation } from './core/source'
export { Successor, SuccessorOverride } from './core/successor'
export { chainOf, continuedProgramme, continuedRules, successorEnd, successorSource } from './policies/continued'
export { OVERRIDABLE, type Overridable } from './policies/overridable'
export { programmesOf, successorProblems } from './policies/validate-successor'
