import type {
  CloseOrganization, CreateOrganization, Organization, OrganizationDetail, OrganizationHistoryEntry, UpdateOrganization,
} from '@dj/contracts';
import { CreateOrganizationSchema, fieldLabel, ORGANIZATION_KIND_LABELS } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.js';
import { can, belowScopeRoot, audit, type AuthUser, type Caller } from '../../lib/access/index.js';
import * as repo from './repository.js';
import { ALLOWED_PARENT_KINDS, structureWarnings } from './structure-rules.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;


function toOrganization(row: Row): Organization {
  return {
    id: row.id, parentId: row.parentId, path: row.path, depth: row.path.split('/').length - 2, name: row.name,
    kind: row.kind, sector: row.sector, isJoint: row.isJoint, villageId: row.villageId, villageName: row.villageName,
    villageCode: row.villageCode, status: row.status, closedAt: row.closedAt?.toISOString() ?? null, isDemo: row.isDemo,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * What a user may do with one organisation. Town admins manage the whole tree below their scope root;
 * branch secretaries manage only the party groups inside their own branch.
 */
export function permissionsFor(user: AuthUser, org: Row): OrganizationDetail['can'] {
  const active = org.status === 'active';
  const isAdmin = can(user, 'organizations.manage');
  const isSecretary = can(user, 'organizations.manageGroups');
  const belowRoot = belowScopeRoot(user, org.path);
  const managesGroup = isSecretary && belowRoot && org.kind === 'group';
  return {
    createChild: active && (isAdmin ? org.kind !== 'group' : isSecretary && org.kind === 'branch'),
    edit: active && (isAdmin || managesGroup),
    move: active && isAdmin && belowRoot,
    close: active && belowRoot && (isAdmin || managesGroup),
  };
}

async function load(db: DbOrTx, user: AuthUser, id: number): Promise<Row> {
  const row = await repo.findById(db, user.scope, id);
  if (!row) throw notFound('组织');
  return row;
}

export async function listOrganizations(db: Db, user: AuthUser, query: { rootId?: number; range: repo.ListFilter['range']; includeClosed: boolean }) {
  const root = query.rootId ? await load(db, user, query.rootId) : undefined;
  const rows = await repo.list(db, user.scope, { root, range: query.range, includeClosed: query.includeClosed });
  return { items: rows.map(toOrganization) };
}

export async function getOrganization(db: DbOrTx, user: AuthUser, id: number): Promise<OrganizationDetail> {
  const row = await load(db, user, id);
  const counts = await repo.memberCounts(db, row.tenantId, row.path);
  return {
    ...toOrganization(row),
    memberCounts: { full: counts.full, probationary: counts.probationary, total: counts.total },
    activeChildCount: await repo.countActiveChildren(db, row.id),
    warnings: structureWarnings(row, counts),
    can: permissionsFor(user, row),
  };
}

function assertParentAccepts(parent: Row, kind: CreateOrganization['kind']) {
  if (parent.status !== 'active') throw invalid('parentId', '上级组织已撤销,不能在其下设立组织');
  if (!ALLOWED_PARENT_KINDS[kind].includes(parent.kind)) {
    const allowed = ALLOWED_PARENT_KINDS[kind].map((k) => ORGANIZATION_KIND_LABELS[k]).join('或');
    throw invalid('parentId', `${ORGANIZATION_KIND_LABELS[kind]}只能设在${allowed}之下,不能设在${ORGANIZATION_KIND_LABELS[parent.kind]}之下`);
  }
}

async function assertVillage(db: DbOrTx, user: AuthUser, villageId: number | null | undefined) {
  if (villageId && !(await repo.findVillage(db, user.tenantId, villageId))) throw invalid('villageId', `${fieldLabel(CreateOrganizationSchema, ['villageId'])}不存在`);
}

async function assertUniqueName(db: DbOrTx, parentId: number, name: string, exceptId?: number) {
  if (await repo.siblingNameTaken(db, parentId, name, exceptId)) throw new AppError('CONFLICT', `同一上级组织下已有名为“${name}”的组织`, [{ path: 'name', message: '名称重复' }]);
}

export async function createOrganization(db: Db, { user, ip }: Caller, input: CreateOrganization): Promise<OrganizationDetail> {
  return db.transaction(async (tx) => {
    const parent = await load(tx, user, input.parentId);
    if (!permissionsFor(user, parent).createChild) throw forbidden('无权在该组织下新建组织');
    if (!can(user, 'organizations.manage') && input.kind !== 'group') throw forbidden('支部书记只能在本支部下新建党小组');
    assertParentAccepts(parent, input.kind);
    if (input.isJoint && input.kind !== 'branch') throw invalid('isJoint', '只有党支部可以是联合党支部');
    await assertVillage(tx, user, input.villageId);
    await assertUniqueName(tx, parent.id, input.name);
    const id = await repo.nextId(tx);
    const values = {
      id, tenantId: parent.tenantId, parentId: parent.id, path: `${parent.path}${id}/`, name: input.name, kind: input.kind,
      sector: input.sector === undefined ? parent.sector : input.sector, isJoint: input.isJoint ?? false,
      villageId: input.villageId === undefined && input.kind === 'group' ? parent.villageId : (input.villageId ?? null),
    };
    await repo.insert(tx, values);
    await repo.insertHistory(tx, { tenantId: parent.tenantId, organizationId: id, action: 'create', userId: user.id, after: values });
    await audit(tx, { user, ip }, { action: 'organization.create', objectType: 'organization', objectId: id, detail: { name: input.name, kind: input.kind, parentId: parent.id } });
    return getOrganization(tx, user, id);
  });
}

export async function updateOrganization(db: Db, { user, ip }: Caller, id: number, input: UpdateOrganization): Promise<OrganizationDetail> {
  return db.transaction(async (tx) => {
    const org = await load(tx, user, id);
    const can = permissionsFor(user, org);
    const moving = input.parentId !== undefined && input.parentId !== org.parentId;
    if (!can.edit) throw forbidden('无权修改该组织');
    if (moving && !can.move) throw forbidden('无权移动该组织');
    const changes: Partial<Pick<Row, 'name' | 'sector' | 'isJoint' | 'villageId'>> = {};
    if (input.name !== undefined && input.name !== org.name) changes.name = input.name;
    if (input.sector !== undefined && input.sector !== org.sector) changes.sector = input.sector;
    if (input.isJoint !== undefined && input.isJoint !== org.isJoint) {
      if (input.isJoint && org.kind !== 'branch') throw invalid('isJoint', '只有党支部可以是联合党支部');
      changes.isJoint = input.isJoint;
    }
    if (input.villageId !== undefined && input.villageId !== org.villageId) {
      await assertVillage(tx, user, input.villageId);
      changes.villageId = input.villageId;
    }
    let newParent: Row | undefined;
    if (moving) {
      newParent = await load(tx, user, input.parentId as number);
      if (newParent.path.startsWith(org.path)) throw invalid('parentId', '不能把组织移动到它自己或它的下级组织之下');
      assertParentAccepts(newParent, org.kind);
    }
    if (org.parentId !== null && (changes.name || newParent)) await assertUniqueName(tx, newParent?.id ?? org.parentId, changes.name ?? org.name, org.id);
    if (Object.keys(changes).length === 0 && !newParent) return getOrganization(tx, user, id);

    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, org[k as keyof typeof changes]]));
    if (Object.keys(changes).length > 0) {
      await repo.update(tx, id, changes);
      const action = Object.keys(changes).length === 1 && changes.name ? 'rename' : 'update';
      await repo.insertHistory(tx, { tenantId: org.tenantId, organizationId: id, action, userId: user.id, before, after: changes });
    }
    if (newParent) {
      const newPath = `${newParent.path}${org.id}/`;
      await repo.moveSubtree(tx, org.tenantId, org.path, newPath);
      await repo.update(tx, id, { parentId: newParent.id });
      await repo.insertHistory(tx, {
        tenantId: org.tenantId, organizationId: id, action: 'move', userId: user.id,
        before: { parentId: org.parentId, path: org.path }, after: { parentId: newParent.id, parentName: newParent.name, path: newPath },
      });
    }
    await audit(tx, { user, ip }, { action: newParent ? 'organization.move' : 'organization.update', objectType: 'organization', objectId: id, detail: { changes, parentId: newParent?.id } });
    return getOrganization(tx, user, id);
  });
}

export async function closeOrganization(db: Db, { user, ip }: Caller, id: number, input: CloseOrganization): Promise<OrganizationDetail> {
  return db.transaction(async (tx) => {
    const org = await load(tx, user, id);
    if (org.status === 'closed') throw new AppError('CONFLICT', '该组织已撤销');
    if (!permissionsFor(user, org).close) throw forbidden('无权撤销该组织');
    if ((await repo.countActiveChildren(tx, id)) > 0) throw new AppError('CONFLICT', '该组织还有未撤销的下级组织,请先撤销或移走下级组织');
    const counts = await repo.memberCounts(tx, org.tenantId, org.path);
    if (counts.total > 0) throw new AppError('CONFLICT', `该组织还有${counts.total}名党员,请先转接其组织关系`);
    const closedAt = new Date();
    await repo.update(tx, id, { status: 'closed', closedAt });
    await repo.insertHistory(tx, { tenantId: org.tenantId, organizationId: id, action: 'close', userId: user.id, before: { status: 'active' }, after: { status: 'closed' }, note: input.reason });
    await audit(tx, { user, ip }, { action: 'organization.close', objectType: 'organization', objectId: id, detail: { reason: input.reason } });
    return getOrganization(tx, user, id);
  });
}

export async function organizationHistory(db: Db, user: AuthUser, id: number): Promise<{ items: OrganizationHistoryEntry[] }> {
  await load(db, user, id);
  const rows = await repo.listHistory(db, id);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString(), before: r.before ?? null, after: r.after ?? null })) };
}
