import type { Parameter } from '../core/parameter'
import type { Source } from '../core/source'
import type { EducationLevel, EmployerKind, EmployerLevel, Licence, Major, Title } from './profile'

/** A policy value with the clause it comes from (a threshold that holds for the whole programme period). */
export interface Cited<T> {
  value: T
  source: Source
}

/** A sentence shown to the applicant (an obligation, a benefit, a condition to confirm) with its clause. */
export interface Statement {
  text: string
  source: Source
}

/**
 * One criterion of a programme, as data. Each leaf is evaluated by one named check; `anyOf`/`allOf` express the
 * texts' "须满足下列条件之一" alternatives. `requirement` overrides the generated Chinese wording where the text is
 * more specific than the field (e.g. "一般应具有二级以上医院工作经历").
 */
export type Condition = (
  | { check: 'education'; atLeast: Cited<EducationLevel> }
  | { check: 'education'; oneOf: Cited<EducationLevel[]> }
  | { check: 'fullTimeStudy'; source: Source }
  | { check: 'medicalEducation'; source: Source }
  | { check: 'major'; allowed: Cited<Major[]> }
  // Non-physician staff (nurses, pharmacists…) hold their own licence, which the profile cannot express.
  | { check: 'licence'; allowed: Cited<Licence[]>; exemptMajors?: Cited<Major[]> }
  | { check: 'registrationScope'; source: Source }
  | { check: 'gpTraining'; source: Source }
  | { check: 'title'; atLeast: Cited<Title> }
  | { check: 'age'; maxInSelectionYear: Cited<number> }
  | { check: 'clinicalYears'; atLeast: Cited<number> }
  | { check: 'clinicalWork'; source: Source }
  | { check: 'secondaryHospitalExperience'; source: Source }
  | { check: 'employerLevel'; allowed: Cited<EmployerLevel[]> }
  | { check: 'employerKind'; allowed: Cited<EmployerKind[]> }
  | { check: 'inPost'; source: Source }
  | { check: 'retirement'; retiredAllowed: Cited<boolean> }
  | { check: 'leadership'; source: Source }
  | { check: 'accidentRecord'; source: Source }
  | { check: 'establishmentExclusion'; levels: Cited<EmployerLevel[]> }
  | { check: 'anyOf'; name: string; conditions: Condition[]; source: Source; requirement: string }
  | { check: 'allOf'; name: string; conditions: Condition[]; source: Source; requirement: string }
) & { requirement?: string }

/** A Henan 2015 programme: its period, conditions, and what it asks of and gives to a participant. */
export interface Programme {
  id: string
  name: string
  /** `true` while the programme runs; its `description` is the period as the text states it. */
  period: Parameter<true>
  conditions: Condition[]
  attestations: readonly Statement[]
  obligations: readonly Statement[]
  benefits: readonly Statement[]
}
