import { z } from 'zod'

const Mention = z.object({
  key: z.string(),
  id: z.object({ open_id: z.string().optional(), union_id: z.string().optional() }).partial().optional(),
  name: z.string().optional(),
})

/** The `event` of `im.message.receive_v1`, as far as duikou reads it. */
export const MessageReceiveEvent = z.object({
  sender: z.object({
    sender_id: z.object({ open_id: z.string().min(1), union_id: z.string().optional(), user_id: z.string().optional() }),
    sender_type: z.string().optional(),
  }),
  message: z.object({
    message_id: z.string().min(1),
    chat_id: z.string().min(1),
    chat_type: z.string(),
    message_type: z.string(),
    content: z.string(),
    // Bounded like every array of a public body; far above what a chat message can mention.
    mentions: z.array(Mention).max(1_000).optional(),
  }),
})
export type MessageReceiveEvent = z.infer<typeof MessageReceiveEvent>

const TextContent = z.object({ text: z.string() })
// Feishu sends coordinates as strings.
const LocationContent = z.object({ name: z.string().optional(), longitude: z.coerce.number(), latitude: z.coerce.number() })

const FileContent = z.object({ file_key: z.string().min(1), file_name: z.string().min(1) })

export type FeishuMessage =
  | { kind: 'text'; text: string }
  | { kind: 'file'; fileKey: string; fileName: string }
  | { kind: 'location'; name: string; latitude: number; longitude: number }
  | { kind: 'ignored'; why: string }

/**
 * What a received message says. In a group the bot acts only when it is @mentioned (when its open_id is known,
 * only on a mention of that id), and the `@_user_N` placeholders are removed from the text.
 */
export function readMessage(event: MessageReceiveEvent, botOpenId: string | undefined): FeishuMessage {
  const { message } = event
  if (message.chat_type === 'group') {
    const mentions = message.mentions ?? []
    const mentioned = botOpenId ? mentions.some((m) => m.id?.open_id === botOpenId) : mentions.length > 0
    if (!mentioned) return { kind: 'ignored', why: 'group message without a mention of the bot' }
  }
  let content: unknown
  try {
    content = JSON.parse(message.content)
  } catch {
    return { kind: 'ignored', why: 'content is not JSON' }
  }
  if (message.message_type === 'text') {
    const text = TextContent.safeParse(content)
    if (!text.success) return { kind: 'ignored', why: 'text message without text' }
    return { kind: 'text', text: text.data.text.replace(/@_(user_\d+|all)/g, ' ').replace(/\s+/g, ' ').trim() }
  }
  if (message.message_type === 'location') {
    const location = LocationContent.safeParse(content)
    if (!location.success) return { kind: 'ignored', why: 'location message without coordinates' }
    return { kind: 'location', name: location.data.name ?? '', latitude: location.data.latitude, longitude: location.data.longitude }
  }
  if (message.message_type === 'file') {
    const file = FileContent.safeParse(content)
    if (!file.success) return { kind: 'ignored', why: 'file message without file_key' }
    return { kind: 'file', fileKey: file.data.file_key, fileName: file.data.file_name }
  }
  return { kind: 'ignored', why: `message type ${message.message_type}` }
}
