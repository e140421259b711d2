import type { CalendarEntry } from '../calendar/types'
import type { PolicyId } from '../core/pack'
import type { Parameter } from '../core/parameter'
import type { CreditRules } from '../credit/types'
import type { EscalationRules } from '../escalation/types'
import type { PostingRules } from '../posting/types'
import { CHANGCHUN_CALENDAR } from './changchun-2011/calendar'
import { CHANGCHUN_CREDIT } from './changchun-2011/credit'
import { CHANGCHUN_ESCALATION } from './changchun-2011/escalation'
import { CHANGCHUN_POSTING } from './changchun-2011/posting'
import { HENAN_CALENDAR } from './henan-2015/calendar'
import { HENAN_CREDIT } from './henan-2015/credit'
import { HENAN_ESCALATION } from './henan-2015/escalation'
import { HENAN_POSTING } from './henan-2015/posting'
import { PACK_PERIODS } from './periods'
import { SICHUAN_CALENDAR } from './sichuan-2017/calendar'
import { SICHUAN_CREDIT } from './sichuan-2017/credit'
import { SICHUAN_ESCALATION } from './sichuan-2017/escalation'
import { SICHUAN_POSTING } from './sichuan-2017/posting'
import { YANTAI_CALENDAR } from './yantai-2024/calendar'
import { YANTAI_CREDIT } from './yantai-2024/credit'
import { YANTAI_ESCALATION } from './yantai-2024/escalation'
import { YANTAI_POSTING } from './yantai-2024/posting'
import { ZHEJIANG_CALENDAR } from './zhejiang-2014/calendar'
import { ZHEJIANG_CREDIT } from './zhejiang-2014/credit'
import { ZHEJIANG_ESCALATION } from './zhejiang-2014/escalation'
import { ZHEJIANG_POSTING } from './zhejiang-2014/posting'

/** One pack's counterpart-support rules: the evaluators read only this, never a jurisdiction by name. */
export interface SupportRules {
  period: Parameter<true>
  posting: PostingRules
  credit: CreditRules
  escalation: EscalationRules
  calendar: CalendarEntry[]
}

/** Posting, credit, escalation and calendar rules of every pack. */
export const SUPPORT_RULES: Record<PolicyId, SupportRules> = {
  'henan-2015': {
    period: PACK_PERIODS['henan-2015'],
    posting: HENAN_POSTING,
    credit: HENAN_CREDIT,
    escalation: HENAN_ESCALATION,
    calendar: HENAN_CALENDAR,
  },
  'sichuan-2017': {
    period: PACK_PERIODS['sichuan-2017'],
    posting: SICHUAN_POSTING,
    credit: SICHUAN_CREDIT,
    escalation: SICHUAN_ESCALATION,
    calendar: SICHUAN_CALENDAR,
  },
  'zhejiang-2014': {
    period: PACK_PERIODS['zhejiang-2014'],
    posting: ZHEJIANG_POSTING,
    credit: ZHEJIANG_CREDIT,
    escalation: ZHEJIANG_ESCALATION,
    calendar: ZHEJIANG_CALENDAR,
  },
  'changchun-2011': {
    period: PACK_PERIODS['changchun-2011'],
    posting: CHANGCHUN_POSTING,
    credit: CHANGCHUN_CREDIT,
    escalation: CHANGCHUN_ESCALATION,
    calendar: CHANGCHUN_CALENDAR,
  },
  'yantai-2024': {
    period: PACK_PERIODS['yantai-2024'],
    posting: YANTAI_POSTING,
    credit: YANTAI_CREDIT,
    escalation: YANTAI_ESCALATION,
    calendar: YANTAI_CALENDAR,
  },
}
