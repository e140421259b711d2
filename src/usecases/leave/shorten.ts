/** How much of a reason a notice repeats: this deployment's choice, enough to decide, short enough for one card. */
export const NOTICE_REASON_CHARS = 200

/** A reason as a notice shows it: in full when short, otherwise its start and how long the whole is. */
export function shortReason(reason: string, lang: 'zh' | 'en' = 'zh'): string {
  const chars = [...reason]
  if (chars.length <= NOTICE_REASON_CHARS) return reason
  const head = chars.slice(0, NOTICE_REASON_CHARS).join('')
  return lang === 'en' ? `${head}… (${chars.length} characters in all)` : `${head}…（事由共 ${chars.length} 字，此处显示前 ${NOTICE_REASON_CHARS} 字）`
}
