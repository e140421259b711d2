import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { z } from 'zod'

// Every value stays a string: MsgId is a 64-bit integer that a JS number would round, and a userid may be all digits.
const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true })

/** The children of the `<xml>` root, or null when the text is not well-formed XML with that root. */
export function parseWecomXml(text: string): Record<string, unknown> | null {
  if (XMLValidator.validate(text) !== true) return null
  let root: unknown
  try {
    root = parser.parse(text)?.xml
  } catch {
    // The validator passes XML the parser refuses (an external entity, nesting past its limit): not WeCom's either.
    return null
  }
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

// WeCom writes coordinates as decimal strings (`<Location_X>23.134521</Location_X>`).
const Latitude = z.coerce.number().min(-90).max(90)
const Longitude = z.coerce.number().min(-180).max(180)

/** A location a member shared in the chat (document 90239 "位置消息"): Location_X is the latitude, Location_Y the longitude. */
export const WecomLocationMessage = z.object({
  ...Common,
  MsgType: z.literal('location'),
  Location_X: Latitude,
  Location_Y: Longitude,
  Scale: z.string().optional(),
  Label: z.string().optional(),
  MsgId: z.string().min(1).max(64),
  ChatId: z.string().min(1).optional(),
})
export type WecomLocationMessage = z.infer<typeof WecomLocationMessage>

/**
 * A file a member sent to the app: MediaId fetches it through media/get (valid three days). The name and size
 * fields are read when present (FileName or Title; FileSize in bytes), so a file too large is refused unread.
 */
export const WecomFileMessage = z.object({
  ...Common,
  MsgType: z.literal('file'),
  MediaId: z.string().min(1).max(512),
  FileName: z.string().min(1).max(255).optional(),
  Title: z.string().min(1).max(255).optional(),
  FileSize: z.string().regex(/^\d+$/).optional(),
  MsgId: z.string().min(1).max(64),
  ChatId: z.string().min(1).optional(),
})
export type WecomFileMessage = z.infer<typeof WecomFileMessage>

/**
 * A click on a button of a template card the app sent (event `template_card_event`): EventKey is the button's key,
 * TaskId the card's task_id. ResponseCode would let the app call update_template_card once; duikou answers with a
 * passive update_button instead and does not need it.
 */
export const WecomCardClick = z.looseObject({
  ...Common,
  MsgType: z.literal('event'),
  Event: z.literal('template_card_event'),
  EventKey: z.string().min(1).max(1024),
  TaskId: z.string().min(1).max(128),
  CardType: z.string().optional(),
  ResponseCode: z.string().optional(),
})
export type WecomCardClick = z.infer<typeof WecomCardClick>
