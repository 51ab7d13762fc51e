/**
 * Every local rule the platform knows, with its default and the source of that default. Central party rules
 * are not here: they are constants in the rule modules, tested with their article numbers.
 */
export interface SettingDefinition { key: string; label: string; defaultValue: number; unit: string; min: number; max: number; source: string }

export const SETTINGS = [
  {
    key: 'dues.farmerFen', label: '农民党员每月党费', defaultValue: 20, unit: '分', min: 20, max: 100,
    source: '中组发〔2008〕3号:农民党员每月交纳党费0.2元至1元,具体由各省(区、市)党委组织部确定;山东省标准未查到,默认0.2元,请按省委组织部规定修改',
  },
  {
    key: 'transfer.letterValidDays', label: '组织关系介绍信有效期', defaultValue: 90, unit: '天', min: 7, max: 180,
    source: '介绍信有效期由开具党组织填写,各地常用1至3个月;默认90天,回执超过有效期未退回时提醒',
  },
  {
    key: 'flow.transferDueMonths', label: '外出多久应转接组织关系', defaultValue: 6, unit: '个月', min: 6, max: 12,
    source: '《中国共产党党员教育管理工作条例》第二十五条:外出学习、工作、生活6个月以上且地点相对固定的,应当转接组织关系',
  },
  {
    key: 'flow.unreachableMonths', label: '多久未联系视为失联', defaultValue: 6, unit: '个月', min: 3, max: 6,
    source: '《中国共产党党员教育管理工作条例》第二十四条:与党组织失去联系6个月以上的党员;本地可要求更早提醒,但不超过6个月',
  },
  {
    key: 'activity.themeDayOfMonth', label: '每月主题党日(党员活动日)', defaultValue: 28, unit: '日', min: 1, max: 28,
    source: '西王庄镇“28日党员活动日”(齐鲁晚报2020-07-03);全国规定为“每月相对固定1天”',
  },
  {
    key: 'activity.partyLecturesPerQuarter', label: '党支部每季度党课次数(0=不作要求)', defaultValue: 1, unit: '次', min: 0, max: 3,
    source: '地方做法,非中央统一规定:多地要求党支部每季度至少上1次党课;《中国共产党支部工作条例（试行）》只规定党委(党组)书记每年至少讲1次党课。组织生活日历按此次数计应到,0为不列入日历',
  },
  {
    key: 'reminder.dueSoonDays', label: '截止前几天开始提醒', defaultValue: 7, unit: '天', min: 1, max: 30,
    source: '本地选择,无上级规定:组织生活截止日前7天起向支部书记和包村干部发送“临近截止”提醒(与组织生活台账的“即将到期”一致)',
  },
  {
    key: 'supervision.signOffDays', label: '督导干部收到提交后几天内签认或退回', defaultValue: 7, unit: '天', min: 1, max: 30,
    source: '本地选择,无上级规定:支部按期开展并提交后,督导干部应在此天数内签认或退回;超过时列入督导干部待办的“已逾期”,支部一方显示“已开展·待签认”,不算支部逾期',
  },
  {
    key: 'recruitment.talkWithinDays', label: '收到入党申请书后几天内谈话', defaultValue: 30, unit: '天', min: 7, max: 31,
    source: '《中国共产党发展党员工作细则》第七条:党组织收到入党申请书后,应当在一个月内派人同入党申请人谈话;超过时提醒,不阻止记录',
  },
  {
    key: 'recruitment.noticeDays', label: '发展党员公示期', defaultValue: 5, unit: '天', min: 3, max: 15,
    source: '细则未规定公示天数;多地规定确定积极分子、发展对象、接收预备党员、转正时公示不少于5个工作日,也有规定7天的;不足时提醒',
  },
  {
    key: 'recruitment.noticeWorkingDays', label: '公示期按工作日计算(1=是,0=按自然日)', defaultValue: 1, unit: '', min: 0, max: 1,
    source: '与“发展党员公示期”配合:默认按工作日(周一至周五,不含法定节假日调整),按7天执行的地方改为0',
  },
  {
    key: 'recruitment.reviewIntervalMonths', label: '入党积极分子、预备党员考察间隔', defaultValue: 6, unit: '个月', min: 1, max: 6,
    source: '《中国共产党发展党员工作细则》第十一条:党组织每半年对入党积极分子进行一次考察;可要求更频繁(如每季度),超过时提醒',
  },
  {
    key: 'recruitment.resubmitMonths', label: '未通过后再次申请的间隔', defaultValue: 6, unit: '个月', min: 0, max: 24,
    source: '地方规定:未被批准或程序终止的申请人一般半年内不再提交;不足时提醒,由支部说明情况',
  },
  {
    key: 'recruitment.departureMonths', label: '即将离开单位不办理接收的期限', defaultValue: 3, unit: '个月', min: 1, max: 12,
    source: '《中国共产党发展党员工作细则》第十九条相关规定:发展对象即将离开工作、学习单位的(一般指3个月内),一般不办理接收预备党员手续;提醒,不阻止',
  },
  {
    key: 'recruitment.noticePublicDays', label: '发展党员公示结束后在公开栏保留', defaultValue: 30, unit: '天', min: 0, max: 365,
    source: '本地选择,无上级规定:标为“可公开”的发展党员公示在公示期内及结束后这些天内显示在村公开栏,之后不再显示(记录仍保留)',
  },
  {
    key: 'fourTwo.reviewQuorumPercent', label: '四议两公开:党员大会审议到会比例', defaultValue: 67, unit: '%', min: 51, max: 100,
    source: '地方规定(如屯昌县):党员大会应有三分之二以上党员到会;按本镇规定修改。到会不足时不能记录为审议通过',
  },
  {
    key: 'fourTwo.reviewApprovePercent', label: '四议两公开:党员大会审议通过比例(超过)', defaultValue: 50, unit: '%', min: 50, max: 90,
    source: '地方规定:赞成票超过到会党员半数为通过;按本镇规定修改',
  },
  {
    key: 'disclosure.dueDay', label: '定期公开的截止日(下一期第几日)', defaultValue: 10, unit: '日', min: 1, max: 28,
    source: '《村民委员会组织法》第三十条只规定频次(一般事项至少每季度、财务往来较多的每月、重大事项随时);本镇默认次月(季后首月、次年1月)10日前公开,逾期进入待办',
  },
  {
    key: 'talent.awayContactMonths', label: '在外人才多久联系一次', defaultValue: 6, unit: '个月', min: 1, max: 12,
    source: '本地选择,无上级规定:文章“全面掌握各村在外从事生产、经营、管理等工作的优秀人才特别是党员情况”;默认每6个月至少联系一次,自上次联系(未联系过的自登记之日)起算,到期进入待办。只列应联系的人和日期,不打分、不排名',
  },
  {
    key: 'talent.awayContactWarnDays', label: '在外人才联系到期前几天列入待办', defaultValue: 30, unit: '天', min: 0, max: 90,
    source: '本地选择:到期前这些天起在待办中显示“即将到期”,过期的显示“已逾期”及应联系的日期',
  },
  {
    key: 'rectification.defaultDays', label: '联督联查发现问题的默认整改期限', defaultValue: 15, unit: '天', min: 1, max: 90,
    source: '本地选择:检查组可按问题逐条修改;逾期未整改的上报镇党委',
  },
  {
    key: 'matters.discussDays', label: '村民说事提出后应在多少天内议事', defaultValue: 30, unit: '天', min: 7, max: 90,
    source: '本地选择:村民说事日每月一次(三日合一),提出的事项一般在下一次说事日或党群议事日研究;逾期未议事的上报镇党委',
  },
  {
    key: 'matters.handleDays', label: '村民说事默认办结期限(议事后)', defaultValue: 15, unit: '天', min: 1, max: 90,
    source: '本地选择:议事时可逐件修改;群众评议不满意重新办理的,期限按此天数重新起算;逾期未办结的上报镇党委',
  },
  {
    key: 'export.approvalThreshold', label: '导出完整身份证号和手机号须审批的人数(超过)', defaultValue: 50, unit: '人', min: 1, max: 10000,
    source: '等保2.0/安全测试清单第27项:批量导出超过50人的完整名册须经另一位镇党委管理员审批(GB/T 35273-2020 第7.2条);本地可调,导出脱敏名册不受此限',
  },
  {
    key: 'export.dailyQuota', label: '每人每天导出名册次数上限', defaultValue: 5, unit: '次', min: 1, max: 100,
    source: '等保2.0/安全测试清单第27项:每人每天导出不超过5次(按北京时间自然日计,含脱敏名册与审批后的下载);本地可调',
  },
  {
    key: 'export.keepDays', label: '后台导出的文件(台账等)保留天数', defaultValue: 7, unit: '天', min: 1, max: 90,
    source: '本地选择:导出文件含党员姓名和出勤情况,保存在平台数据库中,到期自动删除;需要时可重新导出',
  },
  {
    key: 'security.stepUpMinutes', label: '再次输入密码后可查看、导出完整号码的时长', defaultValue: 10, unit: '分钟', min: 1, max: 60,
    source: '安全测试清单第26项 / 等保2.0 身份鉴别:查看完整身份证号、手机号或导出含完整号码的名册前须再次输入登录密码确认身份;确认后本次登录在此时长内不再询问;本地可调',
  },
  {
    key: 'password.minLength', label: '登录密码最短长度', defaultValue: 10, unit: '位', min: 8, max: 64,
    source: '安全测试清单第12项 / OWASP ASVS 5.0 第6.2.1条:密码至少8位(建议15位);本平台默认10位(与开通乡镇时管理员密码的要求一致),本地可调高。另拒绝常见密码(约4.9万条,@zxcvbn-ts/language-common)',
  },
  {
    key: 'reserves.perVillage', label: '每村后备人才储备目标(在培养中的人数)', defaultValue: 2, unit: '人', min: 1, max: 20,
    source: '地方做法,非中央统一规定:实施村级后备人才“递进培养计划”的地方多按“每村储备不少于2名后备人才”掌握(各地标准不一,有按每个主要职位1至2名计的);本地选择,低于目标的村列入镇党委待办和后备人才一览,不排名',
  },
  {
    key: 'reserves.evaluationMonths', label: '后备人才考评间隔', defaultValue: 6, unit: '个月', min: 1, max: 12,
    source: '本地选择,无上级统一规定:参照《中国共产党发展党员工作细则》第十一条对入党积极分子每半年考察一次的做法,后备人才每半年考评一次;自列入或上次考评起超过此间隔未考评的列入待办',
  },
  {
    key: 'password.dengbaoMode', label: '等保模式:密码须含多类字符并定期更换(1=开启,0=关闭)', defaultValue: 0, unit: '', min: 0, max: 1,
    source: 'GB/T 22239-2019 第8.1.4.1条a项(第三级):口令应有复杂度要求并定期更换;OWASP ASVS 5.0 第6.2.5、6.2.10条反对组成规则和强制定期更换,两者冲突(安全测试清单“设计要点”第3条),默认关闭,按等保测评要求开启',
  },
  {
    key: 'password.complexityClasses', label: '等保模式:密码至少包含几类字符(大写、小写、数字、符号)', defaultValue: 3, unit: '类', min: 2, max: 4,
    source: 'GB/T 22239-2019 第8.1.4.1条a项只要求“复杂度”,未规定类数;测评常见做法为大写字母、小写字母、数字、特殊符号中至少3类;仅在等保模式开启时检查',
  },
  {
    key: 'password.maxAgeDays', label: '等保模式:密码有效期(到期后登录须先修改)', defaultValue: 90, unit: '天', min: 30, max: 365,
    source: 'GB/T 22239-2019 第8.1.4.1条a项要求口令定期更换,未规定周期;测评常见做法为90天;仅在等保模式开启时生效',
  },
  {
    key: 'login.pairMaxFailures', label: '同一账号在同一地址连续输错密码几次后锁定该地址', defaultValue: 5, unit: '次', min: 3, max: 10,
    source: '安全测试清单第9项 / GB/T 22239-2019 第8.1.4.1条b项(登录失败处理):连续5次失败锁定;只锁定出错的地址(账号+来源地址),他人在别处输错不会锁住村里办公室的登录(问题12第8点)',
  },
  {
    key: 'login.accountMaxFailures', label: '同一账号在所有地址合计连续输错几次后锁定整个账号', defaultValue: 30, unit: '次', min: 10, max: 100,
    source: 'NIST SP 800-63B 第5.2.2条:单个账号连续失败不超过100次;防止从许多地址分散猜测。默认30次,高于单个地址的次数,陌生人在一个地址输错不会锁住整个账号;镇党委管理员可解除锁定',
  },
  {
    key: 'login.lockMinutes', label: '登录失败锁定时长', defaultValue: 15, unit: '分钟', min: 5, max: 1440,
    source: '安全测试清单第9项:5次失败锁定15分钟(Keycloak 等常见做法);地址锁定和账号锁定都用此时长,期满自动解除',
  },
  {
    key: 'economy.weakIncomeWan', label: '集体经济薄弱村:年经营性收入低于', defaultValue: 10, unit: '万元', min: 0, max: 1000,
    source: '本镇可改:经营性收入=经营收入+发包及上交收入+投资收益(收入科目见财政部《村集体经济组织会计制度》财会〔2004〕12号;补助收入和其他收入不计)。全国“消薄”以村集体年经营性收入为线,各省市标准不一(常见5万元、10万元);未检索到山东省、枣庄市现行文件原文,默认10万元,请按区、镇文件修改',
  },
  {
    key: 'economy.growthLinePct', label: '考核“集体增收”:村集体经营性收入较上年增长不低于', defaultValue: 0, unit: '%', min: 0, max: 100,
    source: '本镇考核方案自定:文中“3+1”“3+7”激励以壮大村集体经济为目标,未给增长幅度;默认0%,即经营性收入高于上年(经镇审核的年度)即为增收。两个年度都经镇审核才计入,年度未结束或未填报不计',
  },
  {
    key: 'economy.publishIncome', label: '村公开页面显示上年度村集体收入(1=显示,0=不显示)', defaultValue: 1, unit: '', min: 0, max: 1,
    source: '村集体收入属村务、财务公开内容(《村民委员会组织法》规定村务公开);只显示经镇审核的上年度数字,草稿和待审核的不显示;本镇可关闭',
  },
  {
    key: 'economy.partnershipDueDays', label: '村企合作协议到期前几天提醒续签', defaultValue: 60, unit: '天', min: 7, max: 365,
    source: '本地选择,无上级规定:履行中的村企合作协议到期前此天数起列入本村待办(已过到期日期仍为履行中的列为逾期),村党支部与企业(园区)商谈续签,或登记已到期、已终止;默认60天,留出村“两委”研究和按“四议两公开”决策的时间',
  },
  {
    key: 'talent.targetTen', label: '人才"十百千"工程:"十"层次每年入选目标', defaultValue: 2, unit: '人', min: 0, max: 1000,
    source: '人才"十百千"工程按十名、百名、千名三个层次培养(工程总数,文中未给年度分解);默认按5年工程期平均每年2名。镇党委可在“人才”页按年度填写目标,未填写的年度用此默认值',
  },
  {
    key: 'talent.targetHundred', label: '人才"十百千"工程:"百"层次每年入选目标', defaultValue: 20, unit: '人', min: 0, max: 10000,
    source: '人才"十百千"工程"百"层次(工程总数百名,文中未给年度分解);默认按5年工程期平均每年20名,镇党委可按年度修改',
  },
  {
    key: 'talent.targetThousand', label: '人才"十百千"工程:"千"层次每年入选目标', defaultValue: 200, unit: '人', min: 0, max: 10000,
    source: '人才"十百千"工程"千"层次(工程总数千名,文中未给年度分解);默认按5年工程期平均每年200名,镇党委可按年度修改',
  },
  {
    key: 'security.twoFactorRequired', label: '镇党委管理员和检查员登录须输入手机验证码(1=是,0=否)', defaultValue: 1, unit: '', min: 0, max: 1,
    source: '等保2.0 身份鉴别(GB/T 22239-2019 第三级 8.1.4.1 d):应采用口令和密码技术等两种或两种以上组合的鉴别技术;默认对镇党委管理员和纪委/民政检查员开启,其他角色可自愿开启;演示镇默认关闭,以便演示账号只凭密码登录',
  },
  {
    key: 'security.deniedBurstCount', label: '同一账号多次被拒绝访问后提醒镇党委管理员(次数)', defaultValue: 10, unit: '次', min: 3, max: 100,
    source: '等保2.0 安全审计(GB/T 22239-2019 第三级 8.1.4.3 a):对重要的用户行为和重要安全事件进行审计。每次被拒绝的访问(本人范围以外或不存在的编号、无权限的操作)都记入审计日志,结果为“拒绝”;同一账号在下面的时长内达到此次数时提醒镇党委管理员一次,偶尔输错编号不会提醒。本地选择,可调',
  },
  {
    key: 'security.deniedBurstMinutes', label: '被拒绝访问次数的统计时长', defaultValue: 5, unit: '分钟', min: 1, max: 60,
    source: '与上一项配合:在此时长内统计同一账号被拒绝的次数,同一账号在此时长内最多提醒一次。本地选择,可调',
  },
  {
    key: 'cadres.assignmentDueDays', label: '选派干部、乡村振兴服务队期满前几天提醒', defaultValue: 30, unit: '天', min: 7, max: 180,
    source: '本地选择,无上级规定:选派的村党支部书记、第一书记和乡村振兴服务队队员服务期满前此天数起列入镇党委待办,研究续任、轮换或召回',
  },
  {
    key: 'cadres.targetAvgAgeMax', label: '换届目标:村"两委"成员平均年龄不超过', defaultValue: 45, unit: '岁', min: 30, max: 60,
    source: '本地换届目标,非中央统一规定:按县(区)、镇村"两委"换届工作方案中的年龄结构要求填写;默认45岁为示例,请按本地方案修改',
  },
  {
    key: 'cadres.targetCollegeSharePct', label: '换届目标:村"两委"成员大专及以上学历占比不低于', defaultValue: 30, unit: '%', min: 0, max: 100,
    source: '本地换届目标,非中央统一规定:按县(区)、镇村"两委"换届工作方案中的学历结构要求填写;默认30%为示例,请按本地方案修改',
  },
  {
    key: 'cadres.targetWomenMin', label: '换届目标:每村"两委"女性成员不少于', defaultValue: 1, unit: '人', min: 0, max: 5,
    source: '本地换届目标:《村民委员会组织法》第六条规定村民委员会成员中应当有妇女成员;每村人数按本地换届工作方案填写,默认1人',
  },
  {
    key: 'cadres.targetOneShoulderPct', label: '换届目标:书记、主任“一肩挑”的村占比不低于', defaultValue: 80, unit: '%', min: 0, max: 100,
    source: '本地换届目标,非中央统一规定:按县(区)、镇村"两委"换届工作方案中“一肩挑”比例要求填写;默认80%为示例,请按本地方案修改',
  },
  {
    key: 'assessment.objectionDays', label: '考核结果异议期(公示后几天内可提出异议)', defaultValue: 3, unit: '天', min: 1, max: 30,
    source: '本地示例,按本镇方案修改:文章未规定异议期;默认公示后3天内(至公示之日后第3天止)可对本村或本人的得分提出异议,逾期不再受理',
  },
  {
    key: 'assessment.measureNothingDuePct', label: '考核计量:本期无应办事项时按分值的', defaultValue: 100, unit: '%', min: 0, max: 100,
    source: '本地选择,无上级规定:平台记录自动计算的指标按“按期数/应办数”计分,未到期事项不计入;本期没有应办事项即没有逾期,默认按满分(100%)计;本镇认为无事项不应得分时可改为0',
  },
  {
    key: 'assessment.secretaryBaseFen', label: '村干部报酬:村党组织书记基本报酬(每月)', defaultValue: 200000, unit: '分', min: 0, max: 10_000_000,
    source: '本地示例,按本镇方案修改:文章只说“实行村干部绩效考核制”,各镇标准不公开;默认2000元为示例。其他村干部按下列比例计发',
  },
  {
    key: 'assessment.secretaryMonthlyFen', label: '村干部报酬:村党组织书记月度绩效标准(每月)', defaultValue: 120000, unit: '分', min: 0, max: 10_000_000,
    source: '本地示例,按本镇方案修改:月度绩效=标准×考核等次(或得分)比例×计发天数/当月天数;默认1200元为示例',
  },
  {
    key: 'assessment.employedBaseFen', label: '村干部报酬:聘用制书记基本报酬(每月,另表)', defaultValue: 300000, unit: '分', min: 0, max: 10_000_000,
    source: '本地示例,按本镇方案修改:聘用制书记按本镇聘用制度另表计发(村干部页的“聘用制”记录);默认3000元为示例。聘用制主任、计生专职按其职务比例计发',
  },
  {
    key: 'assessment.employedMonthlyFen', label: '村干部报酬:聘用制书记月度绩效标准(每月,另表)', defaultValue: 150000, unit: '分', min: 0, max: 10_000_000,
    source: '本地示例,按本镇方案修改:默认1500元为示例',
  },
  {
    key: 'assessment.townStaffBaseFen', label: '镇机关“3+1”:镇机关工作人员基本报酬(每月,本平台计发部分)', defaultValue: 0, unit: '分', min: 0, max: 10_000_000,
    source: '本地示例,按本镇方案修改:镇机关工作人员工资按公务员(事业单位)工资制度另行发放,默认0元,平台只计“3+1”激励中的绩效部分;本镇另有发放时填写',
  },
  {
    key: 'assessment.townStaffMonthlyFen', label: '镇机关“3+1”:镇机关工作人员月度绩效标准(每月)', defaultValue: 80000, unit: '分', min: 0, max: 10_000_000,
    source: '本地示例,按本镇方案修改:默认800元为示例',
  },
  {
    key: 'assessment.directorRatioPct', label: '村干部报酬:村委会主任(非一肩挑)为书记的', defaultValue: 90, unit: '%', min: 0, max: 100,
    source: '本地示例,按本镇方案修改:基本报酬和月度绩效标准均按此比例;默认90%为示例',
  },
  {
    key: 'assessment.deputyRatioPct', label: '村干部报酬:副书记等副职为书记的', defaultValue: 85, unit: '%', min: 0, max: 100,
    source: '本地示例,按本镇方案修改:多地副职按书记的80%至85%计发;默认85%为示例',
  },
  {
    key: 'assessment.memberRatioPct', label: '村干部报酬:支委、村委委员为书记的', defaultValue: 70, unit: '%', min: 0, max: 100,
    source: '本地示例,按本镇方案修改:默认70%为示例',
  },
  {
    key: 'assessment.staffRatioPct', label: '村干部报酬:计生专职、报账员、妇女主任为书记的', defaultValue: 60, unit: '%', min: 0, max: 100,
    source: '本地示例,按本镇方案修改:默认60%为示例',
  },
  {
    key: 'assessment.combinedExtraPct', label: '村干部报酬:书记、主任“一肩挑”另加基本报酬的', defaultValue: 0, unit: '%', min: 0, max: 100,
    source: '本地示例,按本镇方案修改:“一肩挑”按书记一份计发,另加基本报酬的此比例;默认0(不另加)',
  },
  {
    key: 'assessment.monthlyScoreMode', label: '月度绩效计发方式(0=按考核等次,1=按得分比例)', defaultValue: 0, unit: '', min: 0, max: 1,
    source: '本地示例,按本镇方案修改:按等次时得分先按下列分数线定等次;按得分时月度绩效=标准×得分/100',
  },
  {
    key: 'assessment.excellentPct', label: '月度绩效:优秀按标准的', defaultValue: 120, unit: '%', min: 0, max: 200,
    source: '本地示例,按本镇方案修改:默认120%为示例',
  },
  {
    key: 'assessment.goodPct', label: '月度绩效:良好按标准的', defaultValue: 100, unit: '%', min: 0, max: 200,
    source: '本地示例,按本镇方案修改:默认100%为示例',
  },
  {
    key: 'assessment.passPct', label: '月度绩效:合格按标准的', defaultValue: 80, unit: '%', min: 0, max: 200,
    source: '本地示例,按本镇方案修改:默认80%为示例',
  },
  {
    key: 'assessment.failPct', label: '月度绩效:不合格按标准的', defaultValue: 0, unit: '%', min: 0, max: 200,
    source: '本地示例,按本镇方案修改:默认0%(不发月度绩效)为示例',
  },
  {
    key: 'assessment.excellentMinScore', label: '月度考核:优秀最低分(含)', defaultValue: 90, unit: '分(百分制)', min: 1, max: 100,
    source: '本地示例,按本镇方案修改:得分不低于此分为优秀(90分为优秀,89.9分为良好);分数线应为 优秀>良好>合格',
  },
  {
    key: 'assessment.goodMinScore', label: '月度考核:良好最低分(含)', defaultValue: 80, unit: '分(百分制)', min: 1, max: 100,
    source: '本地示例,按本镇方案修改:默认80分为示例',
  },
  {
    key: 'assessment.passMinScore', label: '月度考核:合格最低分(含)', defaultValue: 60, unit: '分(百分制)', min: 1, max: 100,
    source: '本地示例,按本镇方案修改:低于此分为不合格;默认60分为示例',
  },
  {
    key: 'assessment.rewardCapFen', label: '奖励绩效每月上限(0=不封顶)', defaultValue: 100000, unit: '分', min: 0, max: 10_000_000,
    source: '本地示例,按本镇方案修改:招商引资、集体增收、示范点创建、上级表彰等奖励绩效当月合计超过此数的部分不发,在明细中单列“奖励绩效封顶”;默认1000元为示例',
  },
  {
    key: 'assessment.floorPctOfBase', label: '报酬保底:当月合计不低于当月基本报酬的(0=只保证不为负)', defaultValue: 100, unit: '%', min: 0, max: 100,
    source: '本地示例,按本镇方案修改:扣减较多时合计不低于按天计发的基本报酬的此比例,差额在明细中单列“保底补足”;默认100%为示例',
  },
  {
    // A district tenant's own rule (issue 17 point 5); a town keeps the default, which nothing of the town reads.
    key: 'district.publishedAssessment', label: '区级:已公布本区对各镇的考核(1=是,0=否;仅区委组织部账号适用)', defaultValue: 0, unit: '', min: 0, max: 1,
    source: '本地选择,无上级规定:默认关闭,区级驾驶舱各镇按区划代码顺序并列、只给合计,不排名;区委组织部公布本区考核办法后方可开启(排序尚未实现,开启后仍按区划代码)',
  },
  {
    // A district tenant's own rule (issue 17 point 6): how old a town's 驾驶舱快照 may grow before the job computes it
    // again. The job ticks every 5 minutes (jobs/boss.ts), hence the minimum.
    key: 'district.snapshotMinutes', label: '区级:各镇驾驶舱快照的刷新间隔(分钟;仅区委组织部账号适用)', defaultValue: 15, unit: '分钟', min: 5, max: 1440,
    source: '本地选择,无上级规定:区级驾驶舱读各镇最近一次计算的数字并注明计算时间;默认每 15 分钟由后台任务重算一次,区委组织部也可手动刷新(每区每分钟至多一次)',
  },
  {
    // 教育培训 (issue 19 point 2). Checked against the 条例's full text (46 articles, in force 2019-05-06): 32 学时 is its
    // 第二十条; it says nothing of 56 学时 or of a new secretary's training — those are the 中办's 2019—2023 规划's.
    key: 'education.memberHours', label: '党员每年集中学习培训不少于', defaultValue: 32, unit: '学时', min: 0, max: 200,
    source: '《中国共产党党员教育管理工作条例》(2019)第二十条:党员每年集中学习培训时间一般不少于32学时。学时是学习记录,不作考核评分和排名依据',
  },
  {
    key: 'education.leaderHours', label: '基层党组织书记和班子成员每年集中学习培训不少于', defaultValue: 56, unit: '学时', min: 0, max: 200,
    source: '《2019—2023年全国党员教育培训工作规划》:基层党组织书记和班子成员每年集中学习培训时间一般不少于56学时(《中国共产党党员教育管理工作条例》只规定党员32学时,见其第二十条);班子成员按党员名册的党内职务(书记、副书记、委员)认定',
  },
  {
    key: 'education.newSecretaryMonths', label: '新任党支部书记应在任职后几个月内参加任职培训(集中轮训)', defaultValue: 6, unit: '个月', min: 1, max: 24,
    source: '《2019—2023年全国党员教育培训工作规划》:新任基层党组织书记一般在半年内进行任职培训(《中国共产党党员教育管理工作条例》无此条);期限由本镇确定,默认6个月,任职日期按支部委员会任职记录',
  },
  {
    key: 'education.hoursDueDays', label: '年底前几天把学时未完成的党员列入支部待办', defaultValue: 60, unit: '天', min: 7, max: 180,
    source: '本地选择,无上级规定:年底前此天数起,本年度学时未达到要求的党员列入支部书记待办(应完成);次年同样天数内仍列出上年度未完成的(已逾期)。只提醒,不排名、不计分',
  },
  {
    // 线上学习 (issue 19 point 3): the platforms' exports count minutes; a 学时 is a class hour, 45 minutes in schools and
    // many 党校 timetables, 60 in others. No rule found here fixes it for online study, so the town chooses.
    key: 'education.onlineMinutesPerHour', label: '线上学习导入时每学时折合多少分钟', defaultValue: 45, unit: '分钟', min: 45, max: 60,
    source: '本地选择,无上级规定:学习强国、灯塔—党建在线导出的学习时长按分钟计,导入时按此折算为学时(默认1学时=45分钟,课时惯例;本镇可改为60)。线上学习是自愿的学习记录,不强制在线、不计在线时长、不排名',
  },
  {
    // 党员联户 (issue 20 point 3): no national rule fixes how often a member visits the households they look after;
    // towns write it into their 联户 scheme (monthly, quarterly). A household past it goes on the member's and secretary's 待办.
    key: 'households.visitIntervalDays', label: '党员联户:每户至少多少天走访一次', defaultValue: 90, unit: '天', min: 7, max: 365,
    source: '本地选择,无上级统一规定:各地党员联户制度多要求每季度至少走访(含电话、微信联系)一次,默认90天;超过此天数未走访的户列入联系党员和支部书记的待办。只提醒期限,不给党员打分、不排名,不要求定位打卡',
  },
] as const satisfies readonly SettingDefinition[];

export type SettingKey = (typeof SETTINGS)[number]['key'];
export const settingDefinition = (key: string) => SETTINGS.find((s) => s.key === key);
