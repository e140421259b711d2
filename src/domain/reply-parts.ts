import type { Platform } from './platform'
import type { Reply } from './reply'

/**
 * Feishu refuses a card (or rich text) whose request body passes 30 KB (error 230025: "卡片及富文本消息请求体最大不能
 * 超过30KB"); a titled reply is a card. The text may take 24 KiB, leaving the rest for the card's JSON (escaped twice),
 * the title, and the form or buttons the last part carries. The console shows anything.
 */
const FEISHU_TEXT_BYTES = 24 * 1024

/**
 * The most text, in UTF-8 bytes, one message shows whole. WeCom cuts a text message after 2048 bytes without a word
 * (message/send, document 90236; appchat/send, 90248); a title costs its own bytes plus at most TITLE_MARKUP_BYTES
 * (`【…】` and a newline on WeCom).
 */
export const MAX_MESSAGE_BYTES: Partial<Record<Platform, number>> = { wecom: 2048, feishu: FEISHU_TEXT_BYTES }
const TITLE_MARKUP_BYTES = 16

const encoder = new TextEncoder()
const bytes = (text: string) => encoder.encode(text).length

/** A line too long for one message, cut between characters into pieces of at most `budget` bytes. */
function cutLine(line: string, budget: number): string[] {
  const pieces: string[] = []
  let piece = ''
  let used = 0
  for (const ch of line) {
    const size = bytes(ch)
    if (piece && used + size > budget) {
      pieces.push(piece)
      piece = ''
      used = 0
    }
    piece += ch
    used += size
  }
  return piece ? [...pieces, piece] : pieces
}

/** What a text may be split between: an item with its indented lines ("   依据：…"), else its lines, else pieces of one. */
interface Atom {
  text: string
  /** What joins it to the atom before it in the same message. */
  glue: '\n' | ''
}

function atomsOf(text: string, budget: number): Atom[] {
  const items: string[] = []
  for (const line of text.split('\n')) {
    if (items.length && /^[ \u3000]/.test(line)) items[items.length - 1] += `\n${line}`
    else items.push(line)
  }
  const atoms: Atom[] = []
  for (const item of items) {
    if (bytes(item) <= budget) {
      atoms.push({ text: item, glue: '\n' })
      continue
    }
    for (const line of item.split('\n')) cutLine(line, budget).forEach((piece, i) => atoms.push({ text: piece, glue: i === 0 ? '\n' : '' }))
  }
  return atoms
}

/**
 * A reply as the messages the platform shows whole: itself when it fits, else several, split between items (a line
 * with its indented lines), the title on the first and buttons, form and charts on the last, after everything they
 * refer to. An office's 统计 and the 资格 answer pass WeCom's 2 KiB.
 */
export function replyParts(platform: Platform, reply: Reply): Reply[] {
  const max = MAX_MESSAGE_BYTES[platform]
  const titleBytes = reply.title ? bytes(reply.title) + TITLE_MARKUP_BYTES : 0
  if (max === undefined || titleBytes + bytes(reply.text) <= max) return [reply]

  const texts: string[] = []
  let current: string | null = null
  for (const atom of atomsOf(reply.text, max - titleBytes)) {
    const budget = max - (texts.length === 0 ? titleBytes : 0)
    const joined: string = current === null ? atom.text : current + atom.glue + atom.text
    if (bytes(joined) <= budget) current = joined
    else {
      if (current !== null) texts.push(current)
      current = atom.text
    }
  }
  if (current !== null) texts.push(current)

  const { actions, form, charts, ...first } = reply
  return texts.map((text, i) => ({
    ...(i === 0 ? { ...first, text } : { tone: reply.tone, text }),
    ...(i === texts.length - 1 ? { ...(actions ? { actions } : {}), ...(form ? { form } : {}), ...(charts ? { charts } : {}) } : {}),
  }))
}
