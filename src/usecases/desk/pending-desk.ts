import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'
import type { UseCaseDeps } from '../deps'
import { DESK_PROVIDERS, type DeskItem, type DeskProvider } from './desk-items'

/** Buttons for the first few items only: a card with dozens of buttons is unreadable; the text lists them all. */
const ITEMS_WITH_BUTTONS = 5

/** 待办 / pending: what waits for this person's decision, oldest first, each with the line to send. */
export async function pendingDesk(
  deps: UseCaseDeps,
  input: { tenantId: string; personId: string; lang: Lang },
  providers: DeskProvider[] = DESK_PROVIDERS,
): Promise<Reply> {
  const en = input.lang === 'en'
  // One provider after another: deps.db is the message's transaction, one connection runs one query at a time.
  const items: DeskItem[] = []
  for (const provider of providers) items.push(...(await provider(deps.db, input)))
  items.sort((a, b) => a.since.getTime() - b.since.getTime())
  if (!items.length) return { tone: 'info', text: en ? 'Nothing is waiting for you.' : '目前没有等您处理的事项。' }
  const lines = items.map((item, i) => `${i + 1}. ${en ? item.text.en : item.text.zh}\n   ${en ? 'send' : '回复'}：${en ? item.typed.en : item.typed.zh}`)
  return {
    tone: 'info',
    title: en ? `Waiting for you (${items.length})` : `待办（${items.length} 项）`,
    text: [en ? 'Oldest first:' : '按提交先后排列：', ...lines].join('\n'),
    actions: items.slice(0, ITEMS_WITH_BUTTONS).flatMap((item) => item.actions),
  }
}
