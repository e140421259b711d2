import type { Reply } from '../../domain/reply'

const md = (day: string) => day.slice(5)
const deploymentRule = (n: number) => `（${n} 个工作日为本系统的部署设置，非政策原文。）`

/** The next morning, once per 待核实 day: how the doctor explains it (buttons on Feishu and WeCom). */
export function unverifiedNoticeToDoctor(day: string, graceWorkdays: number): Reply {
  const d = md(day)
  return {
    tone: 'warning',
    title: '待核实：没有签到记录',
    text: `${d} 没有签到记录：如当天在岗请发送“补卡 ${d} 事由”，如当天请假请发送“补假 ${d} 事由”；${graceWorkdays} 个工作日内未说明的，将由受援单位核实是否按擅自脱岗处理\n${deploymentRule(graceWorkdays)}`,
    actions: [
      { label: '补卡（当天在岗）', command: `补卡 ${d}`, style: 'primary' },
      { label: '补假（当天请假）', command: `补假 ${d}`, style: 'default' },
    ],
  }
}

export interface DigestItem {
  number: number
  personName: string
  day: string
  /** A 补卡 / 补假 the doctor filed for the day that waits for a decision. */
  pending: { number: number; kind: 'leave' | 'punchCorrection' } | null
}

/** Buttons for this many days at most; the text commands cover the rest. */
const DIGEST_BUTTON_ITEMS = 3

/** Once a day to the receiving org's approvers: their 待核实 days, each with 确认脱岗 / 不计. */
export function unverifiedDigest(orgName: string, items: DigestItem[], graceWorkdays: number): Reply {
  const lines = items.map((i) => {
    const pending = i.pending ? `（已提交${i.pending.kind === 'punchCorrection' ? '补卡' : '补假'}单 #${i.pending.number}，待审批）` : ''
    return `· #${i.number} ${i.personName} ${i.day}${pending}`
  })
  return {
    tone: 'info',
    title: `待核实 ${items.length} 条（${orgName}）`,
    text: [
      '以下派驻人员在工作日没有签到记录，也没有已批准的请假或补卡，请核实：',
      ...lines,
      '确认脱岗请回复：核实 编号 脱岗；不计请回复：核实 编号 不计 理由。',
      `医生说明后批准其补卡或补假，即不再计为脱岗。无人说明也无人处理的，当天之后满 ${graceWorkdays} 个工作日将记为发现脱岗${deploymentRule(graceWorkdays)}`,
    ].join('\n'),
    actions: items.slice(0, DIGEST_BUTTON_ITEMS).flatMap((i) => [
      { label: `确认脱岗 #${i.number}`, command: `核实 ${i.number} 脱岗`, style: 'danger' as const },
      { label: `不计 #${i.number}`, command: `核实 ${i.number} 不计`, style: 'default' as const },
    ]),
  }
}

/** To the doctor when the approver decides 不计. */
export function notCountedNoticeToDoctor(day: string, approverName: string, reason: string): Reply {
  return { tone: 'success', text: `${day} 没有签到记录一事，受援单位${approverName}已核实：不计为脱岗。\n理由：${reason}` }
}

/** The approver's 不计 with no reason: a one-field form (Feishu), else the line to type. */
export function notCountedReasonForm(number: number): Reply {
  return {
    tone: 'info',
    title: `不计 #${number}`,
    text: `请写明不计的理由，例如：核实 ${number} 不计 当天外出义诊`,
    form: { fields: [{ name: 'reason', label: '理由', kind: 'text', required: true }], command: `核实 ${number} 不计 {reason}`, submitLabel: '提交' },
  }
}
