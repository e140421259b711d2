import { z } from 'zod'
import { parseDay } from '../../domain/strict-input'
import { evaluateAll, PROGRAMMES, Profile, type EligibilityResult } from '../../../rules'

/** Days an eligibility question can be about: the programmes' texts span these years. */
export const ELIGIBILITY_YEARS = { min: 1990, max: 2099 }

const realDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .transform((s, ctx) => {
    const day = parseDay(s, { years: ELIGIBILITY_YEARS })
    if (day.ok) return day.value
    ctx.addIssue({ code: 'custom', message: day.reason.en.includes('between') ? `is not between ${ELIGIBILITY_YEARS.min} and ${ELIGIBILITY_YEARS.max}` : 'is not a real calendar date' })
    return z.NEVER
  })

const PROGRAMME_IDS = PROGRAMMES.map((p) => p.id)

const quoted = (id: string) => JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id)

/**
 * Programme ids, each known. The length is checked before any id, and the unknown ones are named once, at most
 * three of them, with the list of known ids once: 200 000 unknown ids once made an 88 MB answer.
 */
const ProgrammeIds = z
  .custom<unknown[]>((v) => Array.isArray(v), { message: 'must be an array of programme ids' })
  .refine((ids) => ids.length <= PROGRAMME_IDS.length, { message: `at most ${PROGRAMME_IDS.length} programmes (there are no more)` })
  .pipe(z.array(z.string().max(100)))
  .superRefine((ids, ctx) => {
    const unknown = [...new Set(ids.filter((id) => !PROGRAMME_IDS.includes(id)))]
    if (unknown.length === 0) return
    const named = unknown.slice(0, 3).map(quoted).join(', ') + (unknown.length > 3 ? ` and ${unknown.length - 3} more` : '')
    ctx.addIssue({ code: 'custom', path: [ids.indexOf(unknown[0]!)], message: `unknown programme ${named}; known: ${PROGRAMME_IDS.join(', ')}` })
  })

/** The body of `POST /api/eligibility` (contract in issue 3): all fields optional but the profile. */
export const EligibilityQuery = z.strictObject({
  on: realDate.optional(),
  programmes: ProgrammeIds.optional(),
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
