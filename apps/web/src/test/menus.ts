/** The menu each role sees, in order: several page tests check it, so a new menu entry is changed here once. */
export const TOWN_ADMIN_MENU = [
  '驾驶舱', '对标', '组织架构', '党员名册', '发展党员', '待办事项', '组织生活日历', '组织生活', '记录主题党日', '督导', '三务公开', '村民说事', '村干部', '后备人才', '人才', '在外人才', '集体经济', '党员联户', '教育培训', '对标学习', '培训阵地', '党建示范点', '党建动态', '考核方案', '考核期', '阵地建设', '联督联查', '党费收缴', '党内统计',
  '本镇设置', '检查清单', '账号管理', '短信记录',
];
/** A village branch's secretary: the village's work, no town settings. */
export const BRANCH_SECRETARY_MENU = [
  '驾驶舱', '组织架构', '党员名册', '发展党员', '待办事项', '组织生活日历', '组织生活', '记录主题党日', '三务公开', '村民说事', '村干部', '后备人才', '人才', '在外人才', '集体经济', '党员联户', '教育培训', '对标学习', '培训阵地', '党建示范点', '考核方案', '考核期', '我的考核与报酬', '阵地建设', '联督联查', '党费收缴', '党内统计',
];
/** A 区委组织部 account (issue 17 point 5): the district's page only; its towns' pages open from it. */
export const DISTRICT_VIEWER_MENU = ['区级驾驶舱'];
