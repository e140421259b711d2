import { z } from 'zod'

/** Where a policy number comes from: the document, the clause, and a verbatim excerpt of rules/texts/<file>. */
export const Source = z.object({
  document: z.string().min(1),
  clause: z.string().min(1),
  quote: z.string().min(2),
})
export type Source = z.infer<typeof Source>
