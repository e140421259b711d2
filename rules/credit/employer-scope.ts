import type { CreditFacts, EmployerScope } from './types'
import { HospitalGrade } from './types'

/** Whether an employer is one a rule binds ("城市二级以上医院和县级医院"); unknown names the missing fact. */
export type ScopeMatch = { kind: 'yes' } | { kind: 'no' } | { kind: 'unknown'; missing: string[] }

const GRADES = HospitalGrade.options

export function employerInScope(scope: EmployerScope, employer: CreditFacts['employer']): ScopeMatch {
  const level = employer?.level
  if (level === undefined) return { kind: 'unknown', missing: ['employer.level'] }
  const entries = scope.filter((e) => e.level === level)
  if (entries.length === 0) return { kind: 'no' }
  if (entries.some((e) => e.minGrade === undefined)) return { kind: 'yes' }
  const grade = employer?.grade
  if (grade === undefined) return { kind: 'unknown', missing: ['employer.grade'] }
  const ok = entries.some((e) => GRADES.indexOf(grade) >= GRADES.indexOf(e.minGrade!))
  return { kind: ok ? 'yes' : 'no' }
}
