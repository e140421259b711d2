/**
 * Words people naturally type for a command, rewritten to the command word: `同意 4`/`通过 4` approve, `不同意 4`
 * rejects, `check in` and `签 到` (a stray space) check in. Only a decision word followed by a number is one, so
 * “同意” alone (or as the answer to a question) stays ordinary text.
 */
const ALIASES: [RegExp, string][] = [
  [/^(?:不同意|不通过|不批准)\s*(#?\d+)/, '驳回 $1'],
  [/^(?:同意|通过)\s*(#?\d+)/, '批准 $1'],
  [/^check\s+in\b/i, 'checkin'],
  [/^check\s+out\b/i, 'checkout'],
  [/^签\s+到/, '签到'],
  [/^签\s+退/, '签退'],
  [/^请\s+假/, '请假'],
  [/^补\s+卡/, '补卡'],
  [/^销\s+假/, '销假'],
  [/^帮\s+助/, '帮助'],
]

export function rewriteAliases(text: string): string {
  for (const [pattern, word] of ALIASES) if (pattern.test(text)) return text.replace(pattern, word)
  return text
}

/** English only when the person wrote English words and no Chinese: “👍”, “1” or “？” is answered in Chinese. */
export function languageOfText(text: string): 'zh' | 'en' {
  return !/[\u4e00-\u9fff]/.test(text) && /[A-Za-z]{2,}/.test(text) ? 'en' : 'zh'
}
