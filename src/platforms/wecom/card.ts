import { z } from 'zod'
import type { Reply, ReplyAction } from '../../domain/reply'

/** WeCom's limit on a template card button's `key`, which comes back as the click's EventKey (document 90236). */
export const BUTTON_KEY_MAX_BYTES = 1024
/** A button_interaction card holds at most this many buttons. */
const MAX_BUTTONS = 6
/** horizontal_content_list holds at most 6 rows; WeCom advises key names of at most 5 characters and values of 30. */
const MAX_ROWS = 6
const MAX_KEYNAME_CHARS = 5
const MAX_VALUE_CHARS = 30
// Button style is documented only as "1~4, default 1"; in WeCom's sample picture 1 is the filled blue button and 3
// the red one. A wrong guess only changes a colour.
const STYLE: Record<ReplyAction['style'], number> = { primary: 1, danger: 3, default: 2 }
const KEY_PREFIX = 'dk1.'

/** What a button carries: the label (to say "已批准" on the spent button) and the command a click sends. */
const ButtonKey = z.tuple([z.string().min(1).max(20), z.string().min(1).max(500)])

/**
 * A button's key: `dk1.` + base64url of `[label, command]`. The command itself is the key's meaning (a click and a
 * typed line are one path, as on Feishu); base64url keeps it within the characters every WeCom key field accepts
 * (the older task card allowed only letters, digits and `_-@`), and the version prefix lets a later encoding coexist
 * with cards already sent. Null when it would exceed WeCom's limit: that button is left out and the text says what to
 * type instead.
 */
export function encodeButtonKey(action: Pick<ReplyAction, 'label' | 'command'>): string | null {
  const key = KEY_PREFIX + Buffer.from(JSON.stringify([action.label, action.command]), 'utf8').toString('base64url')
  return Buffer.byteLength(key) <= BUTTON_KEY_MAX_BYTES ? key : null
}

/** The label and command of a clicked button, or null for a key duikou did not write. */
export function decodeButtonKey(key: string): { label: string; command: string } | null {
  if (!key.startsWith(KEY_PREFIX)) return null
  try {
    const parsed = ButtonKey.safeParse(JSON.parse(Buffer.from(key.slice(KEY_PREFIX.length), 'base64url').toString('utf8')))
    return parsed.success ? { label: parsed.data[0], command: parsed.data[1] } : null
  } catch {
    return null
  }
}

/** Short `名称：值` lines become the card's two-column rows; everything else stays running text. */
function splitText(text: string) {
  const rows: { keyname: string; value: string }[] = []
  const rest: string[] = []
  for (const line of text.split('\n')) {
    const match = /^([^：:\n]{1,20})[：:]\s*(.+)$/.exec(line.trim())
    if (match && rows.length < MAX_ROWS && match[1]!.length <= MAX_KEYNAME_CHARS && match[2]!.length <= MAX_VALUE_CHARS) {
      rows.push({ keyname: match[1]!, value: match[2]! })
    } else rest.push(line)
  }
  return { rows, rest: rest.join('\n').trim() }
}

/**
 * A reply with buttons as a `button_interaction` template card, or null when none of its buttons fits a key.
 * `taskId` names the card for its click callbacks and must never repeat within the app: the outbox row's id.
 */
export function buttonCard(reply: Reply, taskId: string) {
  const buttons = (reply.actions ?? [])
    .map((action) => ({ action, key: encodeButtonKey(action) }))
    .filter((b): b is { action: ReplyAction; key: string } => b.key !== null)
    .slice(0, MAX_BUTTONS)
  if (!buttons.length) return null
  const { rows, rest } = splitText(reply.text)
  return {
    card_type: 'button_interaction' as const,
    main_title: { title: reply.title ?? '对口支援助手' },
    ...(rest ? { sub_title_text: rest } : {}),
    ...(rows.length ? { horizontal_content_list: rows } : {}),
    task_id: taskId,
    button_list: buttons.map(({ action, key }) => ({ type: 0, text: action.label, style: STYLE[action.style], key })),
  }
}
