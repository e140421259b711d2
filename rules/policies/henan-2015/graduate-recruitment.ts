import type { Programme } from '../../eligibility/programme'
import { cite, cited, programmePeriod, say } from './cite'

const A = '附件1'
const ELIGIBILITY = `${A} 二(一)2`
const ELIGIBILITY_QUOTE = '有医学院校全日制大专以上学历，并取得相应学历、学位证书'
const CONTRACT = `${A} 二(二)7`

/** 附件1 河南省医学院校毕业生特招计划. */
export const GRADUATE_RECRUITMENT: Programme = {
  id: 'henan-2015/graduate-recruitment',
  name: '医学院校毕业生特招计划',
  // "从2015年开始，通过6年时间": calendar years 2015–2020.
  period: programmePeriod('2015—2020年', '2015-01-01', '2021-01-01', cite(`${A} 一`, '从 2015 年开始，通过 6 年时间')),
  conditions: [
    { check: 'education', atLeast: cited('associate', ELIGIBILITY, ELIGIBILITY_QUOTE), requirement: '医学院校全日制大专以上学历' },
    { check: 'fullTimeStudy', source: cite(ELIGIBILITY, ELIGIBILITY_QUOTE) },
    { check: 'medicalEducation', source: cite(ELIGIBILITY, ELIGIBILITY_QUOTE), requirement: '医学院校学历' },
    {
      check: 'anyOf',
      name: 'major',
      source: cite(`${A} 一`, '特招临床医学、口腔医学、中医学、中西医结合等专业大专以上学历毕业生'),
      requirement: '临床医学、口腔医学、中医学、中西医结合等专业（乡镇卫生院可适当招录预防医学专业）',
      conditions: [
        {
          check: 'major',
          allowed: cited(['clinical', 'stomatology', 'tcm', 'integrated'], `${A} 一`, '特招临床医学、口腔医学、中医学、中西医结合等专业大专以上学历毕业生'),
        },
        {
          check: 'major',
          allowed: cited(['preventive'], `${A} 一`, '乡镇卫生院根据公共卫生人才需求，可适当招录预防医学专业毕业生'),
          requirement: '预防医学专业（仅乡镇卫生院根据公共卫生人才需求适当招录）',
        },
      ],
    },
  ],
  attestations: [
    say('具有良好的政治素质和职业道德', `${A} 二(一)1`, '具有良好的政治素质和职业道德，身体健康'),
    say('身体健康', `${A} 二(一)1`, '具有良好的政治素质和职业道德，身体健康'),
    say('已取得相应的学历、学位证书', ELIGIBILITY, '并取得相应学历、学位证书'),
  ],
  obligations: [
    say('与用人单位签订聘用合同，在基层工作时间不少于6年', CONTRACT, '特招毕业生在基层工作时间不少于6年'),
    say('服务期内不得擅自离开服务岗位，否则视为违约', CONTRACT, '服务期内，不得擅自离开服务岗位，否则视为违约'),
    say('违约者须退回补偿经费，违约情况记入个人诚信档案，并承担其他违约责任', CONTRACT, '违约者退回补偿经费，违约情况记入个人诚信档案，并承担其他违约责任'),
  ],
  benefits: [
    say('特招研究生由省级财政给予补偿性补助：每人每年9500元，补助3年', `${A} 三(一)`, '研究生每人每年9500元，补助3年'),
    say('特招本科生由省级财政给予补偿性补助：每人每年6000元，补助5年', `${A} 三(一)`, '本科生每人每年6000元，补助5年'),
    say('补偿经费在服务期内分年度拨付，每年年初拨付上年度的经费', `${A} 三(一)`, '补偿经费在服务期内分年度拨付，每年年初拨付上年度特招生的补偿经费'),
    say('医学专业研究生、到乡镇卫生院的医学专业本科生免笔试，直接考核招聘', `${A} 三(二)`, '对于医学专业研究生、到乡镇卫生院的医学专业本科生不再参加笔试，直接通过考核招聘的方式进行'),
    say('研究生、本科生确定聘用后按程序纳入单位编制管理', `${A} 三(三)`, '特招的研究生、本科生在确定聘用后按程序纳入单位编制管理'),
    say('到乡镇卫生院的专科生服务期满并取得医学类本科学历后纳入编制管理', `${A} 三(三)`, '对于特招到乡镇卫生院工作的专科生，服务期满并取得医学类本科学历，纳入乡镇卫生院编制管理'),
    say('服务期间未入编的，纳入单位正式人员岗位管理，同工同酬', `${A} 三(五)`, '对于服务期间未入编人员，纳入单位正式人员岗位管理，实行同工同酬'),
    say(
      '到乡镇卫生院的本科生晋升职称时乡镇工作时间累计计算，可提前一年晋升一次；晋升高级职称时外语和论文不作硬性规定',
      `${A} 三(六)`,
      '特招到乡镇卫生院的医学本科毕业生职称晋升时，在乡镇卫生院的工作时间累计计算，享受一次提前一年晋升职称的优惠政策；晋升高级职称时，外语和论文不作硬性规定',
    ),
    say('到乡镇卫生院的本科生、专科生可获周转房等基本生活保障', `${A} 三(七)`, '对特招到乡镇卫生院的本科生、专科生提供必要的周转房等基本生活保障'),
  ],
}
