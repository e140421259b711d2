import { Hono } from 'hono'
import { inboundOf } from '../../platforms/wecom/message'
import { cardClickAnswer } from '../../platforms/wecom/passive-reply'
import { receiveWecom, receiveWecomVerification } from '../../platforms/wecom/receive'
import { handleMessage } from '../../usecases/handle-message'
import { limitBody } from '../body-limit'
import type { AppEnv } from '../deps'
import { errorBody } from '../errors'

const WECOM_MAX_BODY_BYTES = 64 * 1024


/**
 * GET|POST /webhooks/wecom: the callback URL of a WeCom self-built app. WeCom waits 5 s and retries three times,
 * so a message is stored in the inbox and answered with an empty 200, handled afterwards and its reply sent through
 * the outbox, as on Feishu; a card click is handled at once and answered in the response (a passive update of the
 * clicked button).
 */
export const wecomCallback = new Hono<AppEnv>()
  .get('/webhooks/wecom', (c) => {
    const { config, clock } = c.get('deps')
    const verified = receiveWecomVerification({ query: c.req.query(), config: config.wecom, now: clock.now() })
    if (verified.kind === 'rejected') return c.json(errorBody(c, 'unauthorized', verified.reason), 401)
    // WeCom compares the body with the plaintext byte for byte: no quotes, BOM or newline.
    return c.text(verified.plaintext)
  })
  // A WeCom callback is a few KiB of XML; anything far larger is refused before the XML parser spends CPU on it
  // (an unsigned 1 MiB body of nested tags cost it ≈ 340 ms).
  .post('/webhooks/wecom', limitBody(WECOM_MAX_BODY_BYTES, 'a WeCom callback body is over 64 KiB'), async (c) => {
    const { config, clock, database, outbox, inbox } = c.get('deps')
    const received = receiveWecom({ rawBody: await c.req.text(), query: c.req.query(), config: config.wecom, now: clock.now() })
    if (received.kind === 'rejected') return c.json(errorBody(c, 'unauthorized', received.reason), 401)
    if (received.kind === 'malformed') return c.json(errorBody(c, 'invalid_request', received.reason), 400)
    // Other events (received.eventId names them for dedupe) and message types are acknowledged and dropped.
    if (received.kind === 'ignored' || received.kind === 'event') return c.text('')

    const { storeInbound, workspaceTenant } = c.get('services')
    const tenantId = await workspaceTenant('wecom', received.corpId, config.wecom.defaultTenant)
    if (!tenantId) {
      console.warn(JSON.stringify({ level: 'warn', requestId: c.get('requestId'), message: 'WeCom corp not registered', corpId: received.corpId }))
      return c.text('')
    }
    const inbound = inboundOf(received, tenantId)
    if (received.kind !== 'cardClick') {
      await storeInbound({ tenantId, platform: 'wecom', eventId: inbound.eventId, sender: `${tenantId}:${inbound.senderExternalId}`, message: inbound, receivedAt: clock.now() })
      inbox.kick()
      return c.text('')
    }
    const reply = await handleMessage({ db: database.db, clock }, inbound)
    outbox.kick()
    const answer = cardClickAnswer({ reply, label: received.button.label, clicker: received.click.FromUserName, config: config.wecom, now: clock.now() })
    return answer ? c.body(answer, 200, { 'content-type': 'application/xml; charset=utf-8' }) : c.text('')
  })
