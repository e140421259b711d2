import { z } from 'zod'

/**
 * The successor document a value applies under, when an office continued the pack past its own period
 * (design §12): `from` its first day, `until` its last day or null while open-ended.
 */
export const ContinuedBy = z.object({
  document: z.string().min(1),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
})
export type ContinuedBy = z.infer<typeof ContinuedBy>

/** Where a policy number comes from: the document, the clause, and a verbatim excerpt of rules/texts/<file>. */
export const Source = z.object({
  document: z.string().min(1),
  clause: z.string().min(1),
  quote: z.string().min(2),
  continuedBy: ContinuedBy.optional(),
})
export type Source = z.infer<typeof Source>

/**
 * The document and clause a reply cites, naming the successor that carries the clause today:
 * `烟卫〔2024〕17号 附件3 四(二)，经 烟卫〔2027〕3号 延续（2027-01-01 起）`.
 */
export function citation(source: Pick<Source, 'document' | 'clause' | 'continuedBy'>): string {
  const by = source.continuedBy
  const base = `${source.document} ${source.clause}`
  return by && by.document !== source.document ? `${base}，经 ${by.document} 延续（${by.from} 起）` : base
}
