import type { Lang } from '../domain/command'
import type { Reply } from '../domain/reply'

const THANKS = /^(谢谢|多谢|感谢|谢了|thanks?|thank you|thx)/i
const ACK = /^(收到|好的|好|嗯|嗯嗯|明白|知道了|了解|可以|行|ok|okay|okk|got it|noted|fine|sure)$/i
// Emoji, hand signs and punctuation only: a thumbs-up or a smile.
const EMOJI_ONLY = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\s!！~～。.]+$/u

/**
 * A short, friendly line for an acknowledgement (谢谢, 收到, 好的, 👍, ok) instead of the full help; null for anything
 * else. Trailing punctuation and 啦/哈/呀 are ignored: “好的！”, “谢谢啦”.
 */
export function acknowledgementReply(text: string, lang: Lang): Reply | null {
  const t = text.trim().replace(/[!！。.~～,，]+$/u, '').replace(/[啦哈呀呢哦噢]+$/u, '').trim()
  if (!t) return null
  const thanks = THANKS.test(t)
  if (!thanks && !ACK.test(t) && !EMOJI_ONLY.test(t)) return null
  if (lang === 'en') return { tone: 'info', text: thanks ? 'You are welcome. Send “help” any time to see what I can do.' : 'Noted. Send “help” any time to see what I can do.' }
  return { tone: 'info', text: thanks ? '不客气！需要时发送“帮助”查看可用指令。' : '好的，收到。需要时发送“帮助”查看可用指令。' }
}
