import type { Reply } from '../../domain/reply'

/** 30 days before a year nobody entered: from 1 January every day is "unknown" until the notice is entered. */
export function calendarCliffNotice(year: number): Reply {
  return {
    tone: 'warning',
    title: `${year}年节假日安排尚未录入`,
    text: `节假日数据只覆盖到 ${year - 1}-12-31。自 ${year}-01-01 起，系统无法区分工作日和节假日：出勤记为“未判定”，也不发签到提醒。\n国务院办公厅公布《关于${year}年部分节假日安排的通知》后，请管理员录入：npm run cli -- calendar import 通知.txt（或 POST /api/admin/calendar/notice）。`,
  }
}

/** 30 days before a pack's (or its last successor's) end while postings under it run past that day. */
export function policyCliffNotice(input: { orgName: string; document: string; policyId: string; lastDay: string; nextDay: string; postingEndsOn: string }): Reply {
  return {
    tone: 'warning',
    title: `政策即将到期：${input.document}`,
    text: `${input.orgName}等单位的派驻依据 ${input.document}，其实施期到 ${input.lastDay} 结束，派驻持续到 ${input.postingEndsOn}。自 ${input.nextDay} 起，这些派驻的出勤、脱岗处理和提醒将不再判定（记为“未判定”）。\n如有延续文件，请管理员录入：npm run cli -- policy continue ${input.policyId} --document 文号 --from ${input.nextDay} --clause 条款 --quote 原文（或 POST /api/admin/policy-successors）。`,
  }
}
