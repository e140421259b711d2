import { z } from 'zod'

/** A button that sends a command as the person who clicks it (“批准 12”), so a click and a typed line are one path. */
export const ReplyAction = z.object({
  label: z.string(),
  command: z.string(),
  style: z.enum(['primary', 'danger', 'default']).default('default'),
})
export type ReplyAction = z.infer<typeof ReplyAction>

export const FormField = z.object({
  name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  label: z.string(),
  kind: z.enum(['date', 'text', 'number', 'select']),
  required: z.boolean().default(true),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
})
export type FormField = z.infer<typeof FormField>

/** A form whose submission becomes the command `command` with `{name}` placeholders filled from the fields. */
export const ReplyForm = z.object({
  fields: z.array(FormField).min(1),
  command: z.string(),
  submitLabel: z.string(),
})
export type ReplyForm = z.infer<typeof ReplyForm>

/** A bar chart of a few labelled numbers; platforms that draw charts (Feishu cards) show it beside the text. */
export const ReplyChart = z.object({
  title: z.string(),
  unit: z.string(),
  bars: z.array(z.object({ label: z.string(), value: z.number() })),
})
export type ReplyChart = z.infer<typeof ReplyChart>

/**
 * Rows of short cells; platforms that draw tables (Feishu cards) show `lead` and the table in place of the text, which
 * carries the same lines for every other platform.
 */
export const ReplyTable = z.object({
  lead: z.string(),
  columns: z.array(z.object({ key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/), label: z.string() })).min(1),
  rows: z.array(z.record(z.string(), z.string())),
})
export type ReplyTable = z.infer<typeof ReplyTable>

/** What the assistant answers, before a platform renders it as a text, a card or a console line. */
export const Reply = z.object({
  tone: z.enum(['info', 'success', 'warning', 'error']),
  title: z.string().optional(),
  text: z.string(),
  actions: z.array(ReplyAction).optional(),
  form: ReplyForm.optional(),
  /** The text always carries the same numbers: a chart is a view, never the only place a number is. */
  charts: z.array(ReplyChart).optional(),
  table: ReplyTable.optional(),
})
export type Reply = z.infer<typeof Reply>
