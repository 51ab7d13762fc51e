import { useMemo, type ReactNode } from 'react';
import { Card, Flex, Result, Skeleton, TreeSelect, Typography } from 'antd';
import { Link } from 'react-router';
import { todayInShanghai } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { monthLabel } from '../../lib/months';
import { MonthInput } from '../../components/MonthInput';
import { branchOrgOptions } from '../../lib/org-options';
import { useSettings } from '../../lib/settings';
import { useActivities, useActivity, useChecklistTemplates, useExpected, type Activity, type ActivityDetail, type ChecklistTemplate } from './api';
import { initialRows, type AttendanceRow } from './AttendanceSection';
import { dayBefore, isThemeDay, monthRange, themeDayDate } from './labels';
import { uploadFields } from './theme-day-save';
import { ThemeDayForm, type ConfirmItem, type ThemeDayInitial } from './ThemeDayForm';
import { useActivityOrg } from './use-activity-org';
import { PageTitle } from '../../components/PageTitle';

export const THEME_DAY_SETTING = 'activity.themeDayOfMonth';
const DEFAULT_THEME_DAY = 28;

/**
 * The date a new record opens on. Recording this month's theme day is usually done after the fact, so it is today
 * (the coming town day would turn the button into 保存活动计划); a past or a later month opens on the town's day.
 */
export function defaultThemeDayDate(month: string, townDay: number, today = todayInShanghai()): string {
  return month === today.slice(0, 7) ? today : themeDayDate(month, townDay);
}

const latestFirst = (items: Activity[]) => [...items].filter(isThemeDay).sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.id - a.id);

function confirmItemsOfDetail(detail: ActivityDetail): ConfirmItem[] {
  return detail.checklists.flatMap((c) =>
    c.items.filter((i) => i.satisfiedBy === 'confirm').map((i) => ({ templateId: c.templateId, templateName: c.name, itemKey: i.key, label: i.label, done: i.done })),
  );
}

function confirmItemsOfTemplates(templates: ChecklistTemplate[]): ConfirmItem[] {
  return templates
    .filter((t) => t.active && t.kinds.includes('theme_day'))
    .flatMap((t) =>
      t.items.filter((i) => i.satisfiedBy === 'confirm').map((i) => ({ templateId: t.id, templateName: t.name, itemKey: i.key, label: i.label, done: false })),
    );
}

/** 主题党日 in one screen: this month's record opened (or a new one pre-filled), saved and submitted in one go. */
export function ThemeDayPage() {
  const { month, branch, orgs, orgId, update, canRecord } = useActivityOrg();
  const branchId = canRecord ? branch?.id : undefined;
  const range = monthRange(month);
  const yearAgo = `${Number(month.slice(0, 4)) - 1}${range.from.slice(4)}`;
  const thisMonth = useActivities({ orgId: branchId, ...range }, !!branchId);
  const history = useActivities({ orgId: branchId, from: yearAgo, to: dayBefore(range.from) }, !!branchId);
  const existing = thisMonth.data ? latestFirst(thisMonth.data).at(-1) : undefined;
  const detail = useActivity(existing?.id);
  const isNew = thisMonth.isSuccess && !existing;
  const settings = useSettings(isNew);
  const templates = useChecklistTemplates(isNew);
  // The town's day when the setting loads, the default day if it cannot be read.
  const plannedDay = settings.isPending ? undefined : defaultThemeDayDate(month, settings.data?.find((s) => s.key === THEME_DAY_SETTING)?.value ?? DEFAULT_THEME_DAY);
  const members = useExpected({ orgId: branchId, kind: 'theme_day', heldOn: plannedDay }, isNew && !!branchId);
  const branchOptions = useMemo(() => branchOrgOptions(orgs.data ?? []), [orgs.data]);

  const initial = useMemo((): ThemeDayInitial | undefined => {
    if (!branchId || !thisMonth.isSuccess || !history.isSuccess) return undefined;
    if (existing) {
      if (!detail.data) return undefined;
      const d = detail.data;
      return {
        existing: d,
        organizationId: branchId,
        fields: {
          heldOn: d.heldOn, place: d.place, topic: d.topic, host: d.host, recorder: d.recorder, minutes: d.minutes, resolutions: d.resolutions,
          ...uploadFields(d.upload, d.recorder),
        },
        // A record without attendance yet starts with everyone present (members' own 请假 answers kept).
        attendance: initialRows(d),
        confirmItems: confirmItemsOfDetail(d),
      };
    }
    if (settings.isPending || templates.isPending || members.isPending) return undefined;
    const last = latestFirst(history.data ?? [])[0];
    const attendance: AttendanceRow[] = (members.data?.items ?? [])
      .map((m) => ({ memberId: m.memberId, name: m.name, state: 'present', reason: null, makeupOn: null }));
    return {
      organizationId: branchId,
      fields: {
        heldOn: plannedDay ?? themeDayDate(month, DEFAULT_THEME_DAY), place: last?.place ?? '', topic: '', host: last?.host ?? null,
        recorder: last?.recorder ?? null, minutes: null, resolutions: null, ...uploadFields(null, last?.recorder ?? null),
      },
      attendance,
      confirmItems: confirmItemsOfTemplates(templates.data ?? []),
    };
  }, [branchId, month, existing, detail.data, thisMonth.isSuccess, history.isSuccess, history.data, settings.isPending, plannedDay, templates.isPending, templates.data, members.isPending, members.data]);

  let body: ReactNode;
  if (!canRecord) {
    body = <Result status="403" title="没有权限" subTitle="只有镇党委管理员和本支部书记可以记录主题党日。" />;
  } else if (!branchId) {
    body = (
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Text>请选择要记录主题党日的党支部:</Typography.Text>
          <TreeSelect<number>
            aria-label="党支部"
            treeData={branchOptions}
            value={orgId}
            onChange={(value) => update({ orgId: value ?? null })}
            loading={orgs.isPending}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder="选择党支部"
          />
        </Flex>
      </Card>
    );
  } else if (thisMonth.isError || history.isError || detail.isError) {
    const failed = thisMonth.isError ? thisMonth : history.isError ? history : detail;
    body = <LoadError title="主题党日记录加载失败" error={failed.error} onRetry={() => failed.refetch()} />;
  } else if (isNew && members.isError) {
    body = <LoadError title="党员名单加载失败" error={members.error} onRetry={() => members.refetch()} />;
  } else if (!initial) {
    body = <Skeleton active paragraph={{ rows: 10 }} />;
  } else {
    body = <ThemeDayForm key={initial.existing?.id ?? `new-${branchId}-${month}`} initial={initial} />;
  }

  return (
    <Flex vertical gap={12} className="theme-day-page">
      <div>
        <Link to={`/activities${branchId ? `?orgId=${branchId}&month=${month}` : ''}`}>返回组织生活记录</Link>
        <PageTitle style={{ margin: '4px 0 0' }}>
          记录{monthLabel(month)}主题党日
        </PageTitle>
        <Typography.Text type="secondary">
          {branch ? `${branch.name} · ` : ''}日期、内容、出席、照片和灯塔上传一屏填完,点一次保存并提交督导签认。
        </Typography.Text>
      </div>
      <div style={{ maxWidth: 220 }}>
        <MonthInput aria-label="月份" value={month} onChange={(value) => update({ month: value })} />
      </div>
      {settings.isError && isNew && (
        <Typography.Text type="warning">未能读取本镇主题党日设置,日期按每月{DEFAULT_THEME_DAY}日预填。</Typography.Text>
      )}
      {body}
    </Flex>
  );
}

