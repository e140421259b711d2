import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as lark from '@larksuiteoapi/node-sdk'
import pg from 'pg'

/**
 * The peer: what the Lark SDK offers out of the box — its EventDispatcher (signature check, decryption) behind its
 * own `adaptDefault` HTTP adapter — storing each message with the same INSERT as the floor.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: 10 })
const dispatcher = new lark.EventDispatcher({
  encryptKey: process.env.FEISHU_ENCRYPT_KEY!,
  verificationToken: process.env.FEISHU_VERIFICATION_TOKEN!,
  loggerLevel: lark.LoggerLevel.warn,
}).register({
  'im.message.receive_v1': async (data) => {
    await pool.query('insert into bench_inbound (source, event_key, payload) values ($1, $2, $3)', ['peer', data.message.message_id, JSON.stringify(data)])
    return {}
  },
})
const server = createServer(lark.adaptDefault('/webhook/event', dispatcher))
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`peer listening on ${(server.address() as AddressInfo).port}`))
