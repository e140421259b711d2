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
