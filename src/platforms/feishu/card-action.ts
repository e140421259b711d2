import { z } from 'zod'

/** The `event` of `card.action.trigger` (card JSON 2.0 callbacks), as far as duikou reads it. */
export const CardActionEvent = z.object({
  operator: z.object({ open_id: z.string().min(1), union_id: z.string().optional() }),
  action: z.object({
    value: z.union([z.object({ command: z.string().min(1) }), z.object({ form: z.string().min(1), labels: z.record(z.string(), z.string()).optional(), required: z.array(z.string()).max(100).optional() })]),
    form_value: z.record(z.string(), z.unknown()).optional(),
  }),
  context: z.object({ open_message_id: z.string().optional(), open_chat_id: z.string().optional() }).partial().optional(),
})
export type CardActionEvent = z.infer<typeof CardActionEvent>

// Feishu's date picker submits `2026-11-24 +0800`.
const PICKED_DATE = /^(\d{4}-\d{2}-\d{2})(?:\s|$)/

/**
 * The command a click stands for: a button carries it whole; a form's template gets its `{name}` fields filled.
 * A field left empty is named, so the toast can say what to fill in.
 */
export function commandOfCardAction(event: CardActionEvent): { ok: true; command: string } | { ok: false; missing: string[] } {
  const { value, form_value: values = {} } = event.action
  if ('command' in value) return { ok: true, command: value.command }
  const missing: string[] = []
  const command = value.form.replace(/\{([a-zA-Z0-9]+)\}/g, (_, name: string) => {
    const raw = values[name]
    const text = typeof raw === 'string' ? raw.trim() : Array.isArray(raw) ? raw.join(',') : raw === undefined || raw === null ? '' : String(raw)
    if (!text && (value.required ?? [name]).includes(name)) missing.push(value.labels?.[name] ?? name)
    return PICKED_DATE.exec(text)?.[1] ?? text.replace(/\s+/g, ' ')
  })
  return missing.length ? { ok: false, missing } : { ok: true, command }
}
