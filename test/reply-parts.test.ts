import { describe, expect, test } from 'vitest'
import type { Reply } from '../src/domain/reply'
import { replyParts } from '../src/domain/reply-parts'
import { renderFeishuReply } from '../src/platforms/feishu/render'
import { renderWecomReply } from '../src/platforms/wecom/render'

const shownBytes = (reply: Reply) => {
  const content = renderWecomReply(reply)
  return new TextEncoder().encode(content.msgtype === 'text' ? content.text.content : '').length
}
const lines = (n: number) => Array.from({ length: n }, (_, i) => `· 第 ${i + 1} 位医生 → 示范县人民医院：出勤率 66.7%`).join('\n')
const approve = [{ label: '批准', command: '批准 12', style: 'primary' as const }]

describe('a reply split into the messages WeCom shows whole', () => {
  test('a reply that fits is sent as it is, and Feishu keeps whole what fits one card', () => {
    const short: Reply = { tone: 'info', title: '统计', text: lines(3), actions: approve }
    expect(replyParts('wecom', short)).toEqual([short])
    const long: Reply = { tone: 'info', title: '统计', text: lines(200) }
    expect(replyParts('feishu', long)).toEqual([long])
  })

  test('on Feishu a reply longer than a card may carry is split too: each request body within 30 KB, the form on the last', () => {
    const form = { fields: [{ name: 'x', label: '计划', kind: 'select' as const, required: false, options: Array.from({ length: 13 }, (_, i) => ({ value: `计划${i}`, label: `第 ${i + 1} 项计划的全称` })) }], command: '资格 {x}', submitLabel: '评估' }
    const reply: Reply = { tone: 'info', title: '资格评估', text: lines(1200), form }
    const parts = replyParts('feishu', reply)
    expect(parts.length).toBeGreaterThan(2)
    const requestBytes = (p: Reply) => new TextEncoder().encode(JSON.stringify({ receive_id: 'ou_x', msg_type: 'interactive', content: renderFeishuReply(p).content })).length
    expect(parts.every((p) => requestBytes(p) <= 30 * 1024)).toBe(true)
    expect(parts.map((p) => p.text).join('\n')).toBe(reply.text)
    expect(parts.map((p) => p.form)).toEqual([...parts.slice(1).map(() => undefined), form])
    expect(replyParts('console', reply)).toEqual([reply])
  })

  test('a long titled reply: each part within 2048 bytes as rendered, split between lines, title first, buttons last', () => {
    const reply: Reply = { tone: 'warning', title: '本月统计（示范市卫生健康委员会）', text: lines(200), actions: approve }
    const parts = replyParts('wecom', reply)
    expect(parts.length).toBeGreaterThan(5)
    expect(parts.every((p) => shownBytes(p) <= 2048)).toBe(true)
    expect(parts.map((p) => p.text).join('\n')).toBe(reply.text)
    expect(parts.map((p) => p.title)).toEqual([reply.title, ...parts.slice(1).map(() => undefined)])
    expect(parts.map((p) => p.actions)).toEqual([...parts.slice(1).map(() => undefined), approve])
    expect(parts.every((p) => p.tone === 'warning')).toBe(true)
  })

  test('an item stays with its indented lines (a programme and its clause) when the split falls near it', () => {
    const items = Array.from({ length: 30 }, (_, i) => `❌ 第 ${i + 1} 项计划：本计划实施期已结束，查询日期不在实施期内\n   依据：豫卫发〔2015〕2号 附件${i + 1} 一“从 2015 年开始”`)
    const reply: Reply = { tone: 'info', title: '资格评估', text: ['资格评估结果：', '', ...items, '', '发送“资格 计划名称”查看全部条件。'].join('\n') }
    const parts = replyParts('wecom', reply)
    expect(parts.length).toBeGreaterThan(1)
    expect(parts.every((p) => shownBytes(p) <= 2048)).toBe(true)
    expect(parts.every((p) => !p.text.startsWith(' '))).toBe(true)
    expect(parts.map((p) => p.text).join('\n')).toBe(reply.text)
  })

  test('one line longer than a message is cut between characters, never inside one', () => {
    const text = '备注：' + '长'.repeat(3000) + '😀'.repeat(100)
    const parts = replyParts('wecom', { tone: 'info', text })
    expect(parts.length).toBe(5)
    expect(parts.every((p) => shownBytes(p) <= 2048)).toBe(true)
    expect(parts.map((p) => p.text).join('')).toBe(text)
  })
})
