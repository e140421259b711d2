import { z } from 'zod'
import type { Parameter } from '../core/parameter'

/**
 * What a step does: 通报批评 of the doctor or of both directors, 考核不合格, loss of 评优评先 eligibility for both
 * hospitals, a report to the supporting hospital (Zhejiang), or exclusion from the final exam (Henan training).
 */
export const EscalationAction = z.enum([
  'reprimandDoctor',
  'reprimandDirectors',
  'assessmentFailed',
  'loseAwardEligibility',
  'reportToSupportingHospital',
  'barredFromFinalExam',
])
export type EscalationAction = z.infer<typeof EscalationAction>

/** Who hears of a step; `office` is the health administration that issues notices and keeps the assessment. */
export const Recipient = z.enum(['doctor', 'supportingDirector', 'receivingDirector', 'office'])
export type Recipient = z.infer<typeof Recipient>

/** When a step applies, in the text's own words: "发现 2 次" is atLeast 2, "超过 3 次" is moreThan 3. */
export const Threshold = z.union([
  z.object({ atLeast: z.number().int().positive() }),
  z.object({ moreThan: z.number().int().nonnegative() }),
])
export type Threshold = z.infer<typeof Threshold>

/** One rung of a ladder; `text` says in Chinese what happens. */
export const LadderStep = z.object({
  threshold: Threshold,
  actions: z.array(EscalationAction).min(1),
  notify: z.array(Recipient).min(1),
  text: z.string().min(1),
})
export type LadderStep = z.infer<typeof LadderStep>

/** Which absences a ladder counts: a posting's unexcused absences, or a trainee's (Henan 骨干医师培训). */
export const LadderKind = z.enum(['posting', 'training'])
export type LadderKind = z.infer<typeof LadderKind>

/** A pack's ladders (steps in rising order), and where a text has none, the clause it defers to. */
export interface EscalationRules {
  ladders: { kind: LadderKind; steps: Parameter<LadderStep>[] }[]
  silence?: Parameter<{ text: string }>
}
