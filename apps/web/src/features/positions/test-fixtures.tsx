import type { RouteObject } from 'react-router';
import type { Me } from '@dj/contracts';
import { jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { ALL } from '../../test/org-fixtures';
import { SECRETARY } from '../../test/server';
import type { DutyShift, FourTwoProcedure, MicroPowerItem, MicroPowerUse, ServiceCenterDetail } from './api';
import { FourTwoPage } from './FourTwoPage';
import { PositionsPage } from './PositionsPage';
import { ServiceCenterPage } from './ServiceCenterPage';

export { SECRETARY };
export const ADMIN: Me = me(['town_admin']);

/** The module's own routes: the tests do not depend on the other modules the app router imports. */
export const positionRoutes: RouteObject[] = [
  { path: '/positions', element: <PositionsPage /> },
  { path: '/positions/service-centers/:id', element: <ServiceCenterPage /> },
  { path: '/positions/four-two/:id', element: <FourTwoPage /> },
];

export function center(partial: Partial<ServiceCenterDetail> = {}): ServiceCenterDetail {
  return {
    id: 21, organizationId: 3, organizationName: '王庄村党支部', villageId: 11, name: '王庄村党群服务中心', address: '王庄村文化路1号',
    floorArea: 620, rooms: [
      { name: '党员教育室', purpose: '党员学习教育', area: 60 },
      { name: '便民服务大厅', purpose: '代办', area: 120 },
    ],
    openingHours: '周一至周五 8:30-17:30', standard: 'high', builtOn: '2021-06-30', note: null, isDemo: false,
    updatedAt: '2026-03-01T02:00:00.000Z', photoIds: [5],
    projectSummary: { count: 1, budgetFen: 35_000_000, accepted: 1, inProgress: 0 },
    can: { edit: true },
    photos: [{ id: 5, caption: '便民服务大厅', size: 20480, uploadedAt: '2026-03-01T02:00:00.000Z' }],
    projects: [{ id: 8, name: '服务中心提升改造', budgetFen: 35_000_000, progress: 100, startedOn: '2021-03-01', acceptedOn: '2021-06-30', note: null, updatedAt: '2026-03-01T02:00:00.000Z' }],
    ...partial,
  };
}

export function shift(partial: Partial<DutyShift> & Pick<DutyShift, 'id' | 'onDate'>): DutyShift {
  return {
    organizationId: 3, organizationName: '王庄村党支部', slot: 'day', personName: '王书记', memberId: null,
    swappedWithName: null, swapReason: null, onDutyName: partial.swappedWithName ?? partial.personName ?? '王书记',
    presence: null, presenceNote: null, recordedAt: null, isDemo: false,
    can: { edit: true, recordPresence: true, delete: true },
    ...partial,
  };
}

export const ITEMS: MicroPowerItem[] = [
  { id: 1, area: '集体资产资源管理', name: '村集体资产发包租赁', legalBasis: '《村民委员会组织法》第二十四条', steps: ['提出方案', '村民代表会议决议', '公开招标', '签订合同', '结果公示'], sortOrder: 1, active: true, updatedAt: '2026-01-01T00:00:00.000Z' },
  { id: 2, area: '便民服务', name: '宅基地申请', legalBasis: '《土地管理法》第六十二条', steps: ['农户申请', '村级审查', '公示', '报镇审批'], sortOrder: 2, active: true, updatedAt: '2026-01-01T00:00:00.000Z' },
];

export function use(partial: Partial<MicroPowerUse> = {}): MicroPowerUse {
  return {
    id: 31, organizationId: 3, organizationName: '王庄村党支部', itemId: 2, itemName: '宅基地申请', area: '便民服务',
    subject: '张某某宅基地申请', startedOn: '2026-03-02', stepNames: ITEMS[1].steps,
    done: [{ index: 0, name: '农户申请', doneOn: '2026-03-02', by: '张某某', note: null }],
    nextStepIndex: 1, status: 'in_progress', publishable: false, isDemo: false, can: { edit: true },
    ...partial,
  };
}

export function procedure(partial: Partial<FourTwoProcedure> = {}): FourTwoProcedure {
  return {
    id: 41, organizationId: 3, organizationName: '王庄村党支部', title: '村集体果园对外承包', category: 'land_assets', status: 'open',
    stages: [
      { id: 1, stage: 'proposal', heldOn: '2026-03-01', body: null, vote: null, passed: null, note: '党支部提出承包方案', file: { name: '提议.pdf', mime: 'application/pdf' }, recordedAt: '2026-03-01T02:00:00.000Z' },
      { id: 2, stage: 'consultation', heldOn: '2026-03-05', body: null, vote: null, passed: null, note: '两委会议商议通过', file: null, recordedAt: '2026-03-05T02:00:00.000Z' },
    ],
    nextStage: 'review',
    thresholds: { reviewQuorumPercent: 67, reviewApprovePercent: 50 },
    isDemo: false, createdAt: '2026-03-01T02:00:00.000Z', can: { edit: true },
    ...partial,
  };
}

export const SETTINGS = {
  items: [
    { key: 'fourTwo.reviewQuorumPercent', label: '到会比例', value: 80, defaultValue: 67, unit: '%', min: 51, max: 100, source: '地方规定', updatedBy: null, updatedAt: null },
    { key: 'fourTwo.reviewApprovePercent', label: '通过比例', value: 50, defaultValue: 50, unit: '%', min: 50, max: 90, source: '地方规定', updatedBy: null, updatedAt: null },
  ],
};

export type Route = (call: RecordedCall) => Response | undefined;

/** Auth, the organisation tree and the settings answered; anything else goes to `route`, then 404. */
export function server(route: Route, who: Me = SECRETARY) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, who);
    if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
    if (call.path === '/api/settings') return jsonResponse(200, SETTINGS);
    return route(call) ?? jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}
