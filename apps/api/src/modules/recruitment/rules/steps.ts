/**
 * The 25 steps of 《中国共产党发展党员工作细则》(2014) in 5 stages, as data. A town's or province's additions
 * (recruitment_step_definitions) are merged in after the step they follow, so local practice is configuration.
 * Sources: domain-rules.md §2.2. Article numbers checked against reprints of the 2014 text (issue 13 point 5):
 * 第五、六条 申请; 第七条 谈话; 第八条 积极分子; 第九条 培养联系人; 第十一条 考察; 第十三条 发展对象; 第十四、十五条
 * 入党介绍人 and the 志愿书 filled under their guidance; 第十六条 政审; 第十七条 培训; 第十九条 支委会审查 and 预审;
 * 第二十条 到会人数; 第二十一条 表决; 第二十三条 谈话; 第二十五条 三个月内审批 and 备案; 第二十九条 编入支部;
 * 第三十条 宣誓; 第三十一条 教育考察; 第三十二条 预备期 and its extension; 第三十三条 转正手续; 第三十四条 转正审批;
 * 第三十七条 归档.
 */
import type { StepDefinition, StepActor } from '@dj/contracts';

export const XIZE = '《中国共产党发展党员工作细则》';

export type CentralStepCode =
  | 'application' | 'talk'
  | 'activist' | 'activist_filing' | 'mentors' | 'activist_review'
  | 'candidate' | 'candidate_filing' | 'sponsors' | 'political_review' | 'training'
  | 'committee_review' | 'pre_review' | 'admission_form' | 'admission_meeting' | 'committee_talk' | 'admission_approval' | 'admission_filing'
  | 'placement' | 'oath' | 'probation_review' | 'confirmation_application' | 'confirmation_meeting' | 'confirmation_approval' | 'archive';

interface Def { code: CentralStepCode; name: string; stage: number; actor: StepActor; documents: string[]; repeatable?: boolean; guidance: string }

const DEFS: Def[] = [
  { code: 'application', name: '递交入党申请书', stage: 1, actor: 'applicant', documents: ['入党申请书'], guidance: `年满十八岁方可申请入党(${XIZE}第五条);向工作、学习所在单位党组织提出,没有工作、学习单位的向居住地党组织提出(第六条)。` },
  { code: 'talk', name: '党组织派人谈话', stage: 1, actor: 'branch', documents: ['谈话记录'], guidance: `党组织收到入党申请书后应在一个月内派人谈话(第七条),谈话人一般为书记、副书记或组织委员。` },
  { code: 'activist', name: '推荐和确定入党积极分子', stage: 2, actor: 'branch_committee', documents: ['推荐材料', '支委会会议记录'], guidance: '采取党员推荐、群团组织推优等方式产生人选,由支部委员会(不设支委会的由支部大会)研究决定,并报上级党委备案(第八条)。' },
  { code: 'activist_filing', name: '入党积极分子报上级党委备案', stage: 2, actor: 'branch', documents: ['入党积极分子备案表'], guidance: '确定入党积极分子后报上级党委备案(第八条)。' },
  { code: 'mentors', name: '指定培养联系人', stage: 2, actor: 'branch', documents: [], guidance: '党组织指定一至两名正式党员作入党积极分子的培养联系人(第九条)。' },
  { code: 'activist_review', name: '培养教育考察', stage: 2, actor: 'branch', documents: ['考察登记表', '思想汇报'], repeatable: true, guidance: '党支部每半年对入党积极分子进行一次考察(第十一条)。' },
  { code: 'candidate', name: '确定发展对象', stage: 3, actor: 'branch_committee', documents: ['支委会会议记录', '党员和群众意见'], guidance: '经过一年以上培养教育和考察,听取党小组、培养联系人、党员和群众意见,支部委员会讨论同意(第十三条)。' },
  { code: 'candidate_filing', name: '发展对象报上级党委备案', stage: 3, actor: 'branch', documents: ['发展对象备案表'], guidance: '支部委员会讨论同意后报上级党委备案(第十三条)。' },
  { code: 'sponsors', name: '确定入党介绍人', stage: 3, actor: 'branch', documents: [], guidance: '发展对象应当有两名正式党员作入党介绍人;受留党察看处分、尚未恢复党员权利的党员不能作入党介绍人(第十四条;党章第五条)。' },
  { code: 'political_review', name: '进行政治审查', stage: 3, actor: 'branch_committee', documents: ['政治审查结论材料'], guidance: '政治审查必须形成结论性材料;未经政治审查或政治审查不合格的,不能发展入党(第十六条)。' },
  { code: 'training', name: '开展集中培训', stage: 3, actor: 'party_committee', documents: ['培训结业证书'], guidance: '基层党委或县级党委组织部门对发展对象进行短期集中培训,时间一般不少于三天(或不少于二十四个学时);未经培训的,除个别特殊情况外,不能发展入党(第十七条)。' },
  { code: 'committee_review', name: '支部委员会审查', stage: 4, actor: 'branch_committee', documents: ['支委会审查意见'], guidance: '支部委员会对发展对象进行严格审查,经集体讨论认为合格后,报具有审批权限的基层党委预审(第十九条)。' },
  { code: 'pre_review', name: '上级党委预审', stage: 4, actor: 'party_committee', documents: ['预审意见'], guidance: '基层党委对发展对象的条件、培养教育等情况进行审查,合格的发放《入党志愿书》;发展对象未来三个月内将离开工作、学习单位的,一般不办理接收手续(第十九条)。' },
  { code: 'admission_form', name: '填写入党志愿书', stage: 4, actor: 'applicant', documents: ['入党志愿书'], guidance: '发展对象在入党介绍人指导下如实填写《入党志愿书》,入党介绍人认真填写自己的意见(第十五条)。' },
  { code: 'admission_meeting', name: '支部大会讨论', stage: 4, actor: 'branch_meeting', documents: ['支部大会会议记录', '表决票'], guidance: '有表决权的到会人数必须超过应到会有表决权人数的半数(第二十条);赞成人数超过应到会有表决权的正式党员的半数,才能通过接收预备党员的决议,因故不能到会的有表决权的正式党员会前正式提出书面意见的,统计在票数内(第二十一条)。赞成票不够的,记为未通过,不能作出接收决议。政治审查和集中培训须在此之前完成。' },
  { code: 'committee_talk', name: '上级党委派人谈话', stage: 4, actor: 'party_committee', documents: ['谈话意见(填入志愿书)'], guidance: '上级党委在审批前指派党委委员或组织员同发展对象谈话(第二十三条)。' },
  { code: 'admission_approval', name: '上级党委审批', stage: 4, actor: 'party_committee', documents: ['党委会会议记录', '审批意见'], guidance: '上级党委对党支部上报的接收预备党员的决议应当在三个月内审批;特殊情况可适当延长,但不得超过六个月(第二十五条)。超过三个月审批的,须写明特殊情况,并在记录上保留标记。批准后即在党员名册中登记为预备党员,党籍自支部大会通过之日起算。' },
  { code: 'admission_filing', name: '报上级组织部门备案', stage: 4, actor: 'party_committee', documents: ['备案表'], guidance: '上级党委审批后报再上一级党委组织部门备案(第二十五条)。' },
  { code: 'placement', name: '编入党支部和党小组', stage: 5, actor: 'branch', documents: [], guidance: '党组织及时将上级党委批准的预备党员编入党支部和党小组(第二十九条)。' },
  { code: 'oath', name: '入党宣誓', stage: 5, actor: 'branch', documents: ['宣誓仪式照片'], guidance: '预备党员必须面向党旗进行入党宣誓(第三十条;党章第六条)。' },
  { code: 'probation_review', name: '继续教育考察', stage: 5, actor: 'branch', documents: ['考察登记表', '思想汇报'], repeatable: true, guidance: '党组织通过党的组织生活、听取本人汇报、个别谈心、集中培训、实践锻炼等方式,对预备党员进行教育和考察(第三十一条);考察间隔为本镇设置。延长预备期期间继续考察。' },
  { code: 'confirmation_application', name: '提出转正申请', stage: 5, actor: 'applicant', documents: ['转正申请书'], guidance: '本人向党支部提出书面转正申请(第三十三条)。预备期一年,从支部大会通过之日算起(第三十二条)。' },
  { code: 'confirmation_meeting', name: '支部大会讨论转正', stage: 5, actor: 'branch_meeting', documents: ['支部大会会议记录', '表决票'], guidance: '预备期满,支部大会讨论能否转正(第三十二条):按期转正、延长预备期(只能一次,不少于半年,最长不超过一年,第三十二条;党章第七条)或取消预备党员资格。到会人数、赞成人数的要求与接收预备党员的支部大会相同(第三十三条;第二十、二十一条)。' },
  { code: 'confirmation_approval', name: '上级党委审批转正', stage: 5, actor: 'party_committee', documents: ['审批意见'], guidance: '党委对党支部上报的预备党员转正的决议,应当在三个月内审批;党员的党龄从预备期满转为正式党员之日算起(第三十四条;党章第七条)。' },
  { code: 'archive', name: '材料归档', stage: 5, actor: 'branch', documents: ['入党志愿书', '入党申请书', '政治审查材料', '转正申请书', '培养教育考察材料'], guidance: '入党材料归入本人人事档案(第三十七条);本地要求转正后一周内归档。' },
];

export const CENTRAL_STEPS: StepDefinition[] = DEFS.map((d, i) => ({
  code: d.code, name: d.name, stage: d.stage, position: i + 1, actor: d.actor, requiredDocuments: d.documents,
  required: true, repeatable: d.repeatable ?? false, isCentral: true, guidance: d.guidance,
}));

export interface LocalStepRow { id: number; name: string; afterCode: string; actor: string; requiredDocuments: string[]; required: boolean; guidance: string }

export const localStepCode = (id: number) => `local_${id}`;

/** The central steps with a tenant's additions, each placed after the step it names (in the order added). */
export function mergeSteps(local: readonly LocalStepRow[]): StepDefinition[] {
  const out: StepDefinition[] = [];
  const place = (after: string, stage: number) => {
    for (const l of local.filter((x) => x.afterCode === after)) {
      const step: StepDefinition = {
        code: localStepCode(l.id), name: l.name, stage, position: 0, actor: l.actor as StepActor, requiredDocuments: l.requiredDocuments,
        required: l.required, repeatable: false, isCentral: false, guidance: l.guidance || '本镇(省)增加的步骤。',
      };
      out.push(step);
      place(step.code, stage);
    }
  };
  for (const c of CENTRAL_STEPS) {
    out.push({ ...c });
    place(c.code, c.stage);
  }
  return out.map((s, i) => ({ ...s, position: i + 1 }));
}

export const stepNamed = (steps: readonly StepDefinition[], code: string) => steps.find((s) => s.code === code);
