import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { z } from 'zod'

// Every value stays a string: MsgId is a 64-bit integer that a JS number would round, and a userid may be all digits.
const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true })

/** The children of the `<xml>` root, or null when the text is not well-formed XML with that root. */
export function parseWecomXml(text: string): Record<string, unknown> | null {
  if (XMLValidator.validate(text) !== true) return null
  const root: unknown = parser.parse(text)?.xml
  return root !== null && typeof root === 'object' && !Array.isArray(root) ? (root as Record<string, unknown>) : null
}

/** The outer body WeCom POSTs: the ciphertext, plus the corp id and agent id in the clear. */
export const WecomEnvelope = z.object({
  Encrypt: z.string().min(1),
  ToUserName: z.string().optional(),
  AgentID: z.string().optional(),
})

const Common = {
  ToUserName: z.string(),
  FromUserName: z.string().min(1).max(64),
  CreateTime: z.string().regex(/^\d+$/, 'CreateTime must be seconds since 1970'),
  AgentID: z.string().optional(),
}

/** A text message a member sent to the app (in a one-to-one chat, or in an app group chat when ChatId is set). */
export const WecomTextMessage = z.object({
  ...Common,
  MsgType: z.literal('text'),
  Content: z.string(),
  MsgId: z.string().min(1).max(64),
  ChatId: z.string().min(1).optional(),
})
export type WecomTextMessage = z.infer<typeof WecomTextMessage>

/** An event (enter_agent, click, template_card_event…); the event itself decides which further fields it has. */
export const WecomEvent = z.looseObject({
  ...Common,
  MsgType: z.literal('event'),
  Event: z.string().min(1),
  EventKey: z.string().optional(),
})
export type WecomEvent = z.infer<typeof WecomEvent>

export const WecomAnyMessage = z.looseObject({ MsgType: z.string().min(1) })
