import { z } from 'zod'

/** What the assistant answers, before a platform renders it as a text, a card or a console line. */
export const Reply = z.object({
  tone: z.enum(['info', 'success', 'warning', 'error']),
  title: z.string().optional(),
  text: z.string(),
})
export type Reply = z.infer<typeof Reply>
