import type { Lang } from '../domain/command'
import type { Platform } from '../domain/platform'

/** Platforms that draw a reply's form (Feishu cards). WeCom and the console show text only: they get the line to type. */
export const showsForms = (platform: Platform | undefined) => platform === 'feishu'

/** “，或填写下方表单” where a form is shown; nothing elsewhere, so no reply points at what is not there. */
export function formHint(platform: Platform | undefined, lang: Lang): string {
  if (!showsForms(platform)) return ''
  return lang === 'en' ? ', or fill in the form below' : '，或填写下方表单'
}
