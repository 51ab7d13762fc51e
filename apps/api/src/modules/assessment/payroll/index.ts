/**
 * 报酬发放表 and 年度汇总 (issue 16 point 5): pure generators from computePay results. The monthly scoring flow
 * (the assessment module's service) hands them the month's rows once the month is locked.
 */
export { monthWorkbook, yearWorkbook } from './payroll-xlsx.js';
export { payrollModel, payrollPdf } from './payroll-document.js';
export { amountsOf, monthSheet, yearSheet, type PayrollAmounts } from './payroll-sums.js';
