import { useEffect, useMemo, useState } from 'react';
import { Col, Row, Space } from 'antd';
import type { Organization, OrganizationDetail } from '@dj/contracts';
import { useSearchParams } from 'react-router';
import { useOrganizationTreeData, useVillages } from '../../lib/organizations';
import { useOrganization } from './api';
import { CommitteeCard } from './CommitteeCard';
import { OrgDetailCard, type OrgAction } from './OrgDetailCard';
import { OrgHistory } from './OrgHistory';
import { OrgRangeTable } from './OrgRangeTable';
import { OrgTreePanel } from './OrgTreePanel';
import { CloseOrgModal } from './modals/CloseOrgModal';
import { CreateOrgModal } from './modals/CreateOrgModal';
import { MoveOrgModal } from './modals/MoveOrgModal';
import { RenameOrgModal } from './modals/RenameOrgModal';
import { allParentKeys, ancestorIds, buildOrgTree, expandedKeysToLevel } from '../../lib/org-tree';
import type { HistoryLookups } from './history-format';

const EMPTY: readonly Organization[] = [];

function parseId(value: string | null): number | undefined {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

function union(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])];
}

export function OrganizationsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const urlId = parseId(searchParams.get('id'));
  const [showClosed, setShowClosed] = useState(false);
  const [search, setSearch] = useState('');
  // null until the user expands/collapses something: until then the default (top two levels) applies.
  const [expanded, setExpanded] = useState<number[] | null>(null);
  const [action, setAction] = useState<OrgAction | null>(null);

  const treeQuery = useOrganizationTreeData();
  const villagesQuery = useVillages();
  const items = treeQuery.data ?? EMPTY;

  const byId = useMemo(() => new Map(items.map((org) => [org.id, org])), [items]);
  const tree = useMemo(() => buildOrgTree(items, { includeClosed: showClosed, search }), [items, showClosed, search]);
  // With nothing chosen yet, the first scope root is shown at once (the effect below writes it to the address), so the
  // page never starts blank and needs no second render to fetch its detail.
  const firstRootId = tree[0]?.key;
  const selectedId = urlId ?? (search ? undefined : firstRootId);
  const detailQuery = useOrganization(selectedId);
  const selectedOrg = selectedId === undefined ? undefined : (detailQuery.data ?? byId.get(selectedId));

  const defaultExpanded = useMemo(() => {
    const base = expandedKeysToLevel(buildOrgTree(items, { includeClosed: true }), 2);
    return selectedOrg ? union(base, ancestorIds(selectedOrg)) : base;
  }, [items, selectedOrg]);
  const expandedKeys = expanded ?? defaultExpanded;

  const select = (id: number) => setSearchParams({ id: String(id) });

  useEffect(() => {
    if (urlId === undefined && firstRootId !== undefined && !search) {
      setSearchParams({ id: String(firstRootId) }, { replace: true });
    }
  }, [urlId, firstRootId, search, setSearchParams]);

  /** Selects an organisation and opens every ancestor so the node is on screen. */
  const reveal = (org: Pick<Organization, 'id' | 'path' | 'parentId' | 'status'>) => {
    if (org.status === 'closed' && !showClosed) setShowClosed(true);
    setSearch('');
    setExpanded((prev) => union(prev ?? defaultExpanded, ancestorIds(org)));
    select(org.id);
  };

  const onSearchChange = (value: string) => {
    setSearch(value);
    if (value.trim()) setExpanded(allParentKeys(buildOrgTree(items, { includeClosed: showClosed, search: value })));
    else setExpanded((prev) => (selectedOrg ? union(prev ?? defaultExpanded, ancestorIds(selectedOrg)) : prev));
  };

  const onShowClosedChange = (value: boolean) => {
    setShowClosed(value);
    if (search.trim()) setExpanded(allParentKeys(buildOrgTree(items, { includeClosed: value, search })));
  };

  const closeModal = () => setAction(null);
  const afterChange = (updated: OrganizationDetail) => {
    closeModal();
    reveal(updated);
  };
  const afterClose = (closed: OrganizationDetail) => {
    closeModal();
    // The closed node drops out of the tree unless closed ones are shown; land on its parent instead.
    if (!showClosed && closed.parentId !== null && byId.has(closed.parentId)) select(closed.parentId);
  };

  const parentName = selectedOrg?.parentId != null ? byId.get(selectedOrg.parentId)?.name : undefined;
  const detail = detailQuery.data;

  const lookups = useMemo<HistoryLookups>(() => {
    const villages = new Map((villagesQuery.data ?? []).map((v) => [v.id, v.name]));
    return { organizationName: (id) => byId.get(id)?.name, villageName: (id) => villages.get(id) };
  }, [byId, villagesQuery.data]);

  return (
    <Row gutter={[16, 16]} align="top">
      <Col xs={24} md={9} xl={7}>
        <OrgTreePanel
          tree={tree}
          loading={treeQuery.isPending}
          error={treeQuery.error}
          onRetry={() => treeQuery.refetch()}
          hasAny={items.length > 0}
          expandedKeys={expandedKeys}
          onExpand={setExpanded}
          selectedId={selectedId}
          onSelect={select}
          search={search}
          onSearchChange={onSearchChange}
          showClosed={showClosed}
          onShowClosedChange={onShowClosedChange}
        />
      </Col>
      <Col xs={24} md={15} xl={17}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <OrgDetailCard
            selectedId={selectedId}
            detail={detail}
            loading={detailQuery.isPending && selectedId !== undefined}
            error={detailQuery.error}
            onRetry={() => detailQuery.refetch()}
            parentName={parentName}
            onAction={setAction}
          />
          {selectedId !== undefined && detail && (
            <>
              <OrgRangeTable
                rootId={selectedId}
                canCreateChild={detail.can.createChild}
                includeClosed={showClosed}
                onSelect={reveal}
              />
              {detail.kind === 'branch' && detail.status !== 'closed' && <CommitteeCard branchId={selectedId} />}
              <OrgHistory organizationId={selectedId} lookups={lookups} />
            </>
          )}
        </Space>
      </Col>
      {detail && (
        <>
          <CreateOrgModal
            parent={detail}
            open={action === 'create'}
            onClose={closeModal}
            onCreated={afterChange}
          />
          <RenameOrgModal org={detail} open={action === 'rename'} onClose={closeModal} onDone={afterChange} />
          <MoveOrgModal
            org={detail}
            organizations={items}
            parentName={parentName}
            open={action === 'move'}
            onClose={closeModal}
            onDone={afterChange}
          />
          <CloseOrgModal org={detail} open={action === 'close'} onClose={closeModal} onDone={afterClose} />
        </>
      )}
    </Row>
  );
}
