import type { Source } from '../../core/source'
import { POLICY_META } from '../meta'

const DOCUMENT = POLICY_META['zhejiang-2014'].document
const CLAUSE = '附件3'

/** A paragraph of the model agreement, quoted word for word so the quote test holds it to the text. */
export interface AgreementParagraph {
  text: string
  source: Source
}

const p = (text: string): AgreementParagraph => ({ text, source: { document: DOCUMENT, clause: CLAUSE, quote: text } })

/**
 * 附件3 浙江省“万名医师支援农村卫生工程”支援协议（范本）, as data: the fixed wording a filled agreement keeps (the
 * 方案 allows adding support items, never removing any — 四(一)), and the places that take the pair's facts.
 */
export const ZHEJIANG_MODEL_AGREEMENT = {
  title: p('浙江省“万名医师支援农村卫生工程”'),
  subtitle: p('支援协议'),
  preamble: p(
    '为贯彻落实国家卫生计生委《深化城乡医院对口支援工作方案（2013-2015年）》（国卫医发〔2013〕21号）和《浙江省深化万名医师支援农村卫生工程工作方案》要求，深化“万名医师支援农村卫生工程”，经双方协商，签订如下协议：',
  ),
  content: { heading: p('一、支援内容'), paragraphs: [p('对口支援内容包括：医院管理、医疗技术、学科建设、人才培养。')] },
  duties: {
    heading: p('二、双方职责与义务'),
    supporting: {
      heading: p('（一）甲方'),
      paragraphs: [
        p('1．在自身开展正常业务及日常工作的前提下，协助乙方建立健全和落实各项规章制度和技术规范，使乙方业务工作管理规范化、制度化，提高乙方综合能力和管理水平及病人满意度。'),
        p('2．根据受援医院的要求，选派副主任医师或高年资主治医师以上人员到乙方工作，通过开展临床教学、示范查房、手术示教、疑难病例和死亡病例讨论、临床带教和短期培训等多种方式，重点加强农村常见病、多发病、急诊抢救和基本设备操作应用的培训，提高乙方医务人员的整体业务素质和执业能力。'),
        p('3．按照医疗技术分类分级管理的规定，帮助受援医院开展适宜技术和新技术、新业务，并结合实际拓展服务范围。条件允许的情况下，帮助受援医院建立远程会诊网络系统。'),
        p('4．适当照顾、优先安排乙方选送的各类人员进修学习。在支援期间，乙方如在业务方面遇到难题，甲方的相应专科应邀派出专家给予支援，包括会诊、手术、义诊等。'),
        p('5．负责派驻人员的全部费用。'),
        p('6．不得无故终止支援。'),
      ],
    },
    receiving: {
      heading: p('（二）乙方'),
      paragraphs: [
        p('1．全员参与，做好宣传，主动配合甲方开展各项工作。'),
        p('2．妥善安排甲方派驻人员的生活，统一安排派驻人员的业务工作，并对甲方派出人员严格管理，对派驻期间违纪、违规的人员和行为要及时通报甲方。'),
        p('3．承担并解决派驻人员在派驻期间发生的医疗纠纷。'),
      ],
    },
  },
  term: p('三、协议期限'),
  other: p('四、其他事项'),
  effect: {
    heading: p('五、协议书自签订之日起生效'),
    paragraph: p('协议未尽事宜，由双方协商解决。协议书一式四份，双方各持一份，送双方上级主管部门各一份。本协议书不受法人代表的变更而终止。'),
  },
} as const
