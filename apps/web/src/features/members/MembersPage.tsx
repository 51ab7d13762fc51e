import { useMemo, useState, type ReactNode } from 'react';
import { LoadError } from '../../components/LoadError';
import { App, Space, Typography } from 'antd';
import { MEMBER_FILTER_LABELS, type Me, type Member, type MemberExportPreview } from '@dj/contracts';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/api-client';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useMe } from '../../lib/session';
import { useStepUpRetry } from '../../components/StepUpModal';
import { useOrganizationTreeData } from '../../lib/organizations';
import { useDownloadTemplate, useExportPreview, useExportRoster, useMemberList, type ExportQuery } from './api';
import { ExportApprovalModal } from './ExportApprovalModal';
import { CompletenessPanel } from './CompletenessPanel';
import { ImportWizard } from './ImportWizard';
import { MemberDetailDrawer, type MemberDetailTab } from './MemberDetailDrawer';
import { MemberFormModal } from './MemberFormModal';
import { filterOrgOptions } from '../../lib/org-options';
import { parseRosterParams, rosterSearch, toListQuery, withChange, type RosterState } from './roster-params';
import { RosterList } from './RosterList';
import { RosterToolbar } from './RosterToolbar';
import { PageTitle } from '../../components/PageTitle';

/** A plain 党员 sees only their own record (the server filters too). */
export function isSelfOnly(me: Me | null | undefined): boolean {
  const roles = me?.user.roles ?? [];
  return roles.length === 1 && roles[0] === 'member';
}

/** Town admins and branch secretaries enter, import and change members. */
export function canManageMembers(me: Me | null | undefined): boolean {
  const roles = me?.user.roles ?? [];
  return roles.includes('town_admin') || roles.includes('branch_secretary');
}

function parseMemberId(value: string | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function emptyText(state: RosterState, canManage: boolean): ReactNode {
  if (state.q) return `没有找到与“${state.q}”匹配的党员。可输入姓名、身份证号后4位或完整的18位身份证号。`;
  if (state.filter !== 'all') return `当前范围内没有“${MEMBER_FILTER_LABELS[state.filter]}”。可切换筛选条件或组织范围查看。`;
  return canManage
    ? '当前范围内还没有党员信息。可点击“登记党员”逐个录入,或用“批量导入”从Excel名册一次导入。'
    : '当前范围内还没有党员信息。';
}

/** `detailTabs`: what other features show in a member's detail, composed by the route (app/MembersRoute). */
export function MembersPage({ detailTabs }: { detailTabs?: readonly MemberDetailTab[] }) {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const narrow = useNarrowScreen();
  const navigate = useNavigate();
  const location = useLocation();
  const { memberId: memberIdParam } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const state = parseRosterParams(searchParams);
  const selfOnly = isSelfOnly(me);
  const canManage = canManageMembers(me);
  const scope = me?.scope ?? [];
  const singleRoot = scope.length === 1 ? scope[0].organizationId : undefined;
  // Default: the user's own scope, i.e. its single root, or (several roots) everything they may see.
  const orgId = selfOnly ? undefined : (state.orgId ?? singleRoot);
  const listQuery = toListQuery(selfOnly ? { ...state, range: 'subtree', q: '', filter: 'all' } : state, orgId);
  const list = useMemberList(listQuery);
  const orgs = useOrganizationTreeData(!selfOnly);
  const orgOptions = useMemo(() => filterOrgOptions(orgs.data ?? []), [orgs.data]);
  const exportRoster = useExportRoster();
  const exportPreview = useExportPreview();
  /** Set when the export needs a second town admin's approval: the modal offers the masked roster or a request. */
  const [approvalNeeded, setApprovalNeeded] = useState<MemberExportPreview | null>(null);
  const template = useDownloadTemplate();
  const memberId = parseMemberId(memberIdParam);

  const update = (change: Partial<RosterState>) => {
    setSearchParams(new URLSearchParams(rosterSearch(withChange(state, change))));
  };
  const openMember = (member: Pick<Member, 'id'>) => navigate({ pathname: `/members/${member.id}`, search: location.search });
  const closeMember = () => navigate({ pathname: '/members', search: location.search });

  const stepUp = useStepUpRetry();
  /** Runs a download; refused for want of a step-up (full numbers, 安全测试清单第26项) it asks the password and runs again. */
  const onDownload = (start: () => Promise<string>): Promise<void> =>
    start().then(
      (filename) => void message.success(`已开始下载“${filename}”`),
      (error: unknown) => {
        if (!stepUp.ask(error, () => void onDownload(start))) void message.error(errorMessage(error));
      },
    );

  const exportQuery: ExportQuery = { orgId: listQuery.orgId, range: listQuery.range, filter: listQuery.filter, q: listQuery.q };
  // Preview first: within the threshold the download starts as before; above it, the approval modal opens.
  const startExport = async () => {
    let preview: MemberExportPreview;
    try {
      preview = await exportPreview.mutateAsync(exportQuery);
    } catch (error) {
      void message.error(errorMessage(error));
      return;
    }
    if (preview.needsApproval) setApprovalNeeded(preview);
    else await onDownload(() => exportRoster.mutateAsync(exportQuery));
  };
  const exportMasked = () =>
    onDownload(() => exportRoster.mutateAsync({ ...exportQuery, masked: 'true' }).finally(() => setApprovalNeeded(null)));

  const listError = list.isError && (
    <LoadError title="党员名册加载失败" error={list.error} onRetry={() => list.refetch()} />
  );

  const roster = (
    <RosterList
      data={list.data}
      loading={list.isFetching}
      narrow={narrow || selfOnly}
      page={state.page}
      pageSize={state.pageSize}
      onPageChange={(page, pageSize) => update(pageSize !== state.pageSize ? { pageSize } : { page })}
      onOpen={openMember}
      emptyText={selfOnly ? '没有查到您的党员信息,请联系所在党支部书记核实。' : emptyText(state, canManage)}
    />
  );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} className="members-page">
      {selfOnly ? (
        <div>
          <PageTitle>
            我的党员信息
          </PageTitle>
          <Typography.Text type="secondary">点击卡片查看详细信息与党籍记录。</Typography.Text>
        </div>
      ) : (
        <RosterToolbar
          narrow={narrow}
          orgOptions={orgOptions}
          orgLoading={orgs.isPending}
          orgId={orgId}
          allowAllScope={scope.length > 1}
          onOrgChange={(value) => update({ orgId: value })}
          range={state.range}
          onRangeChange={(range) => update({ range })}
          q={state.q}
          onSearch={(q) => update({ q })}
          filter={state.filter}
          onFilterChange={(filter) => update({ filter })}
          canManage={canManage}
          onCreate={() => setCreating(true)}
          onImport={() => setImporting(true)}
          onExport={() => void startExport()}
          exporting={exportRoster.isPending || exportPreview.isPending}
          onTemplate={() => void onDownload(() => template.mutateAsync())}
          templating={template.isPending}
        />
      )}
      {!selfOnly && (
        <ExportApprovalModal
          preview={approvalNeeded}
          query={exportQuery}
          onClose={() => setApprovalNeeded(null)}
          onMasked={() => void exportMasked()}
          maskedPending={exportRoster.isPending}
          onRequested={() => {
            setApprovalNeeded(null);
            void message.success('导出申请已提交,镇党委管理员审批同意后可在“导出申请”中下载');
          }}
        />
      )}
      {stepUp.modal}
      {canManage && !selfOnly && <CompletenessPanel orgId={orgId} />}
      {listError || roster}
      <MemberDetailDrawer memberId={memberId} onClose={closeMember} organizations={orgs.data ?? []} tabs={detailTabs} />
      {canManage && (
        <MemberFormModal
          open={creating}
          mode={{ kind: 'create', defaultOrganizationId: orgId }}
          organizations={orgs.data ?? []}
          onClose={() => setCreating(false)}
          onSaved={(detail) => {
            setCreating(false);
            openMember(detail);
          }}
        />
      )}
      {canManage && (
        <ImportWizard
          open={importing}
          onClose={() => setImporting(false)}
          organizations={orgs.data ?? []}
          defaultOrgId={orgId}
        />
      )}
    </Space>
  );
}
