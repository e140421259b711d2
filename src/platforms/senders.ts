import type { Platform } from '../domain/platform'
import type { Config } from '../config'
import { feishuSender } from './feishu/client'
import type { OutboundSender } from './outbound'

/** The outbound channel of every platform whose credentials are configured. */
export function sendersFor(config: Config, fetchImpl: typeof fetch = fetch): Partial<Record<Platform, OutboundSender>> {
  const senders: Partial<Record<Platform, OutboundSender>> = {}
  const { appId, appSecret, baseUrl } = config.feishu
  if (appId && appSecret) senders.feishu = feishuSender({ appId, appSecret, baseUrl }, fetchImpl)
  return senders
}
