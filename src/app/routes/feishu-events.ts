import { type Context, Hono } from 'hono'
import { receiveFeishu } from '../../platforms/feishu/receive'
import type { AppEnv } from '../deps'
import { acceptFeishu } from '../feishu-accept'
import { errorBody } from '../errors'

/**
 * Feishu events and card callbacks (the card URL and the events URL accept both). A message is stored in the inbox
 * before the 200 and handled afterwards, its reply sent through the outbox; a card click is handled at once and
 * answered in the response, within Feishu's 3 s.
 */
async function feishuWebhook(c: Context<AppEnv>) {
  const { config, clock } = c.get('deps')
  const received = receiveFeishu({
    rawBody: await c.req.text(),
    headers: {
      timestamp: c.req.header('x-lark-request-timestamp'),
      nonce: c.req.header('x-lark-request-nonce'),
      signature: c.req.header('x-lark-signature'),
    },
    config: config.feishu,
    now: clock.now(),
  })
  if (received.kind === 'rejected') return c.json(errorBody(c, 'unauthorized', received.reason), 401)
  if (received.kind === 'malformed') return c.json(errorBody(c, 'invalid_request', received.reason), 400)
  if (received.kind === 'challenge') return c.json({ challenge: received.challenge })
  if (received.kind === 'ignored') return c.json({})

  return c.json(await acceptFeishu(c.get('deps'), c.get('services'), received, c.get('requestId')))
}

/** POST /webhooks/feishu/events and POST /webhooks/feishu/cards. */
export const feishuEvents = new Hono<AppEnv>().post('/webhooks/feishu/events', feishuWebhook).post('/webhooks/feishu/cards', feishuWebhook)
