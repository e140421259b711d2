import { z } from 'zod'

/** What a user asked for, whichever platform carried it. */
export const Command = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('help') }),
  z.object({ kind: z.literal('checkIn') }),
  z.object({ kind: z.literal('checkOut') }),
  z.object({ kind: z.literal('me') }),
  z.object({ kind: z.literal('unknown'), text: z.string() }),
])
export type Command = z.infer<typeof Command>

export const Lang = z.enum(['zh', 'en'])
export type Lang = z.infer<typeof Lang>

const WORDS: Record<string, { kind: Exclude<Command['kind'], 'unknown'>; lang: Lang }> = {
  帮助: { kind: 'help', lang: 'zh' },
  help: { kind: 'help', lang: 'en' },
  签到: { kind: 'checkIn', lang: 'zh' },
  checkin: { kind: 'checkIn', lang: 'en' },
  'check-in': { kind: 'checkIn', lang: 'en' },
  签退: { kind: 'checkOut', lang: 'zh' },
  checkout: { kind: 'checkOut', lang: 'en' },
  'check-out': { kind: 'checkOut', lang: 'en' },
  我的: { kind: 'me', lang: 'zh' },
  me: { kind: 'me', lang: 'en' },
}

/** Reads a chat line as a command; the first word decides, and an English word means an English answer. */
export function parseCommand(text: string): { command: Command; lang: Lang } {
  const trimmed = text.trim()
  const word = (trimmed.split(/\s+/)[0] ?? '').replace(/^[/／]/, '').toLowerCase()
  const known = WORDS[word]
  if (known) return { command: { kind: known.kind }, lang: known.lang }
  return { command: { kind: 'unknown', text: trimmed }, lang: /[\u4e00-\u9fff]/.test(trimmed) || trimmed === '' ? 'zh' : 'en' }
}
