import { z } from 'zod'
import { evaluateAll, PROGRAMMES, Profile, type EligibilityResult } from '../../../rules'

const realDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real calendar date')

const PROGRAMME_IDS = PROGRAMMES.map((p) => p.id)

/** The body of `POST /api/eligibility` (contract in issue 3): all fields optional but the profile. */
export const EligibilityQuery = z.strictObject({
  on: realDate.optional(),
  programmes: z
    .array(z.string().refine((id) => PROGRAMME_IDS.includes(id), { message: `unknown programme; known: ${PROGRAMME_IDS.join(', ')}` }))
    .optional(),
  profile: Profile,
})
export type EligibilityQuery = z.infer<typeof EligibilityQuery>

/** Answers an eligibility question for the given day (the caller passes today in Asia/Shanghai when `on` is absent). */
export function askEligibility(query: EligibilityQuery, today: string): { on: string; results: EligibilityResult[] } {
  const on = query.on ?? today
  return { on, results: evaluateAll(query.profile, on, query.programmes) }
}

/**
 * Programmes whose name matches a chat phrase such as “特岗全科” or “规培”: a substring of the name, or its characters
 * in order (so abbreviations work). An empty phrase matches every programme.
 */
export function matchProgrammes(phrase: string): string[] {
  const q = phrase.replace(/\s+/g, '')
  if (!q) return PROGRAMME_IDS
  const inOrder = (name: string) => {
    let i = 0
    for (const ch of name) if (ch === q[i]) i++
    return i === q.length
  }
  const exact = PROGRAMMES.filter((p) => p.name.includes(q) || p.id === q || p.id.endsWith(`/${q}`))
  return (exact.length ? exact : PROGRAMMES.filter((p) => inOrder(p.name))).map((p) => p.id)
}
