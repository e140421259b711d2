import type { FileFetcher } from '../domain/inbound'
import type { Platform } from '../domain/platform'
import type { FeishuSettings } from './feishu/settings'
import type { WecomSettings } from './wecom/settings'
import { feishuSender } from './feishu/client'
import type { OutboundSender } from './outbound'
import { wecomSender } from './wecom/client'

/** The outbound channel of every platform whose credentials are configured. */
export function sendersFor(config: { feishu: FeishuSettings; wecom: WecomSettings }, fetchImpl: typeof fetch = fetch): Partial<Record<Platform, OutboundSender>> {
  const senders: Partial<Record<Platform, OutboundSender>> = {}
  const { appId, appSecret, baseUrl, requestTimeoutMs } = config.feishu
  if (appId && appSecret) senders.feishu = feishuSender({ appId, appSecret, baseUrl, requestTimeoutMs }, fetchImpl)
  const { corpId, secret, agentId } = config.wecom
  if (corpId && secret && agentId) senders.wecom = wecomSender({ corpId, secret, agentId, baseUrl: config.wecom.baseUrl }, fetchImpl)
  return senders
}

/** The senders' downloads of files sent in chat, by platform (they share the senders' tokens). */
export function fileFetchersOf(senders: Partial<Record<Platform, OutboundSender>>): Partial<Record<Platform, FileFetcher>> {
  return Object.fromEntries(Object.entries(senders).flatMap(([platform, sender]) => (sender.fetchFile ? [[platform, sender.fetchFile]] : [])))
}
