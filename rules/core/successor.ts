import { z } from 'zod'
import { POLICY_IDS } from './pack'
import { IsoDate } from './parameter'

/** One parameter a successor changes, cited to its own clause. Which names a pack accepts: policies/overridable.ts. */
export const SuccessorOverride = z.object({
  parameter: z.string().min(1),
  value: z.unknown(),
  clause: z.string().min(1),
  quote: z.string().min(2),
})
export type SuccessorOverride = z.infer<typeof SuccessorOverride>

/**
 * A successor document (政策延续) an office entered: it continues a pack (or the named programmes of it) from `from`
 * to `until` (its last day, included; null = until further notice), citing its own clause and quote. Evaluators receive
 * these as data; they never read them from a database.
 */
export const Successor = z.object({
  policy: z.enum(POLICY_IDS),
  document: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(500),
  issuedOn: IsoDate.nullable(),
  from: IsoDate,
  until: IsoDate.nullable(),
  clause: z.string().trim().min(1).max(200),
  quote: z.string().trim().min(2).max(2000),
  programmes: z.array(z.string().min(1)).min(1).optional(),
  overrides: z.array(SuccessorOverride).optional(),
})
export type Successor = z.infer<typeof Successor>
