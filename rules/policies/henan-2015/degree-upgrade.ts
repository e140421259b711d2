import type { Programme } from '../../eligibility/programme'
import { cite, cited, programmePeriod, say } from './cite'

const A = '附件6'
const TARGET = `${A} 二`
const TARGET_QUOTE = '全省县级医疗卫生机构及乡镇卫生院具有专科以上学历、医学类专业的在职人员'
const FUNDING = `${A} 四(二)`
const TO_POSTGRADUATE = '本科提升至研究生学历（或专业学位）者，培养周期3年，每生每年培养费用9500元'
const TO_BACHELOR = '大专提升至本科学历层次者，培养周期3年，每生每年培养费用标准6000元'
const SHARES = '所需费用由省级财政负担50%，用人单位负担30%，个人承担20%'

/** 附件6 河南省基层卫生人才在职学历提升计划. */
export const DEGREE_UPGRADE: Programme = {
  id: 'henan-2015/degree-upgrade',
  name: '基层卫生人才在职学历提升计划',
  // "自2015年开始，利用6年时间": 2015–2020.
  period: programmePeriod(
    '2015—2020年',
    '2015-01-01',
    '2021-01-01',
    cite(`${A} 一`, '自 2015 年开始，利用 6 年时间为县级医疗卫生机构资助研究生学历（或专业学位）教育 600 人'),
  ),
  conditions: [
    { check: 'medicalEducation', source: cite(TARGET, TARGET_QUOTE), requirement: '医学类专业学历' },
    { check: 'retirement', retiredAllowed: cited(false, TARGET, TARGET_QUOTE) },
    // The plan funds two steps only: county staff to postgraduate, township staff from 大专 to 本科.
    {
      check: 'anyOf',
      name: 'upgradeRoute',
      source: cite(`${A} 一`, '为县级医疗卫生机构资助研究生学历（或专业学位）教育 600 人（含中医 100 人），为乡镇卫生院资助本科学历教育 5500 人'),
      requirement: '县级医疗卫生机构本科学历人员提升至研究生，或乡镇卫生院大专学历人员提升至本科',
      conditions: [
        {
          check: 'allOf',
          name: 'countyToPostgraduate',
          source: cite(`${A} 一`, '为县级医疗卫生机构资助研究生学历（或专业学位）教育'),
          requirement: '县级医疗卫生机构在职人员由本科提升至研究生',
          conditions: [
            { check: 'employerLevel', allowed: cited(['county'], `${A} 一`, '为县级医疗卫生机构资助研究生学历（或专业学位）教育') },
            { check: 'education', oneOf: cited(['bachelor'], FUNDING, TO_POSTGRADUATE), requirement: '本科学历（提升至研究生）' },
          ],
        },
        {
          check: 'allOf',
          name: 'townshipToBachelor',
          source: cite(`${A} 一`, '为乡镇卫生院资助本科学历教育'),
          requirement: '乡镇卫生院在职人员由大专提升至本科',
          conditions: [
            { check: 'employerLevel', allowed: cited(['township'], `${A} 一`, '为乡镇卫生院资助本科学历教育') },
            { check: 'education', oneOf: cited(['associate'], FUNDING, TO_BACHELOR), requirement: '大专学历（提升至本科）' },
          ],
        },
      ],
    },
  ],
  attestations: [
    say('由个人提出申请、经单位同意，参加全国统一考试并被委托培养院校录取', `${A} 三(三)`, '由个人提出申请、单位同意，参加全国统一考试'),
  ],
  obligations: [
    say('个人承担培养费用的20%', FUNDING, SHARES),
    say('按成人高等教育规定完成3年培养，接受学校考试考核', FUNDING, '培养周期3年'),
  ],
  benefits: [
    say('专升本：培养周期3年，每生每年培养费用6000元', FUNDING, TO_BACHELOR),
    say('本科升研究生（或专业学位）：培养周期3年，每生每年培养费用9500元', FUNDING, TO_POSTGRADUATE),
    say('培养费用由省级财政负担50%、用人单位负担30%', FUNDING, SHARES),
    say('保证必须的脱产学习时间，脱产学习期间工资福利待遇不受影响', `${A} 四(一)`, '保证参加学历教育在职人员必须的脱产学习时间，脱产学习期间工资福利待遇不受影响'),
    say('符合条件的可同时参加助理全科医生或全科医生规范化培训', `${A} 三(四)`, '符合条件的，可依据《助理全科医生培训标准（试行）》，同时在全科医生培养基地进行助理全科医生规范化培训'),
  ],
}
