import { describe, expect, test } from 'vitest'
import { parseConfig } from '../src/config'
import type { Reply } from '../src/domain/reply'
import { BUTTON_KEY_MAX_BYTES, decodeButtonKey, encodeButtonKey } from '../src/platforms/wecom/card'
import { cardClickAnswer } from '../src/platforms/wecom/passive-reply'
import { renderWecomReply } from '../src/platforms/wecom/render'
import { openPassiveReply, WECOM_ENV } from './support/wecom'

const approval: Reply = {
  tone: 'info',
  title: '请假审批 #7',
  text: '张伟 申请请假：2026-11-24（1 天）\n事由：回城参加培训\n也可回复：批准 7 或 驳回 7 理由',
  actions: [
    { label: '批准', command: '批准 7', style: 'primary' },
    { label: '驳回', command: '驳回 7', style: 'danger' },
  ],
}

describe('WeCom template cards', () => {
  test('a button key carries label and command, in characters any WeCom key accepts, and decodes back', () => {
    const key = encodeButtonKey({ label: '批准', command: '批准 7' })!
    expect(key).toMatch(/^dk1\.[A-Za-z0-9_-]+$/)
    expect(decodeButtonKey(key)).toEqual({ label: '批准', command: '批准 7' })
    expect(decodeButtonKey('approve_7')).toBeNull()
    expect(decodeButtonKey('dk1.!!!')).toBeNull()
    expect(decodeButtonKey(`dk1.${Buffer.from('{"a":1}').toString('base64url')}`)).toBeNull()
    expect(encodeButtonKey({ label: 'x', command: '批'.repeat(BUTTON_KEY_MAX_BYTES) })).toBeNull()
  })

  test('with a task id a reply with buttons is a button_interaction card; without one (a group chat) it stays text, the title on its first line', () => {
    const card = renderWecomReply(approval, { taskId: 'row-1' })
    expect(card).toMatchObject({ msgtype: 'template_card', template_card: { card_type: 'button_interaction', task_id: 'row-1', main_title: { title: '请假审批 #7' } } })
    if (card.msgtype !== 'template_card') throw new Error('not a card')
    expect(card.template_card.sub_title_text).toBe('张伟 申请请假：2026-11-24（1 天）')
    expect(card.template_card.horizontal_content_list).toEqual([
      { keyname: '事由', value: '回城参加培训' },
      { keyname: '也可回复', value: '批准 7 或 驳回 7 理由' },
    ])
    expect(renderWecomReply(approval)).toEqual({ msgtype: 'text', text: { content: `【请假审批 #7】\n${approval.text}` } })
  })

  test('buttons whose key would be too long are left out; with none left the reply is text with its typed usage', () => {
    const long = { ...approval, actions: [{ label: '批准', command: `批准 ${'7'.repeat(2000)}`, style: 'primary' as const }] }
    expect(renderWecomReply(long, { taskId: 'row-2' }).msgtype).toBe('text')
    const many = { ...approval, actions: Array.from({ length: 8 }, (_, i) => ({ label: `${i}`, command: `批准 ${i}`, style: 'default' as const })) }
    const card = renderWecomReply(many, { taskId: 'row-3' })
    expect(card.msgtype === 'template_card' && card.template_card.button_list).toHaveLength(6)
  })

  test('a click answer relabels the button only for a decision that took effect', () => {
    const config = parseConfig({ ...WECOM_ENV }).wecom
    const now = new Date('2026-11-23T00:00:00Z')
    expect(cardClickAnswer({ reply: { tone: 'warning', text: '您不是单号 #7 的审批人，未作任何更改。' }, label: '批准', clicker: 'u', config, now })).toBe('')
    const body = cardClickAnswer({ reply: { tone: 'success', text: '已驳回 …' }, label: '驳回', clicker: 'zhaoyuanzhang', config, now, nonce: '42' })
    expect(body).toMatch(/<TimeStamp>1795392000<\/TimeStamp><Nonce><!\[CDATA\[42\]\]><\/Nonce>/)
    expect(openPassiveReply(body)).toMatchObject({ ToUserName: 'zhaoyuanzhang', CreateTime: '1795392000', MsgType: 'update_button', Button: { ReplaceName: '已驳回' } })
  })
})
