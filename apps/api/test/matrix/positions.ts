import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * Positions (阵地): 党群服务中心, 坐班值班, 小微权力清单 and 四议两公开, all scoped through their village branch.
 * The 小微权力清单 itself is a town-level list: the only foreign item is the neighbouring town's (every place gets
 * that one), since an item of the caller's own town is not outside their scope. `positionsBranch` is the place's
 * branch itself (own.org is a 党小组, which holds none of these records), for probes that nest a foreign id in an
 * own branch's request.
 */

// Every probe that could write uses the marker date 2001-02-03 or 越权 text, checked in "left untouched".
const CENTER = { name: '越权中心', address: '越权', rooms: [{ name: '越权室', area: 1 }] };
const SHIFT = { onDate: '2001-02-03', slot: 'am', personName: '越权' };
const VOTE = { eligible: 10, present: 10, yes: 10, no: 0, abstain: 0 };

const rows: Record<string, Case> = {
  'GET /api/service-centers': { list: '/api/service-centers' },
  'GET /api/service-centers/:id': { foreign: (f) => [{ url: `/api/service-centers/${f.serviceCenter}` }] },
  'PUT /api/service-centers/by-org/:orgId': { foreign: (f) => [{ url: `/api/service-centers/by-org/${f.org}`, body: CENTER }] },
  'POST /api/service-centers/:id/photos': { foreign: (f) => [{ url: `/api/service-centers/${f.serviceCenter}/photos`, body: {} }] },
  'GET /api/service-centers/:id/photos/:photoId': {
    foreign: (f, own) => [
      { url: `/api/service-centers/${f.serviceCenter}/photos/${f.serviceCenterPhoto}` },
      { url: `/api/service-centers/${own.serviceCenter}/photos/${f.serviceCenterPhoto}` },
    ],
  },
  'POST /api/service-centers/:id/projects': { foreign: (f) => [{ url: `/api/service-centers/${f.serviceCenter}/projects`, body: { name: '越权项目', budgetFen: 1, startedOn: '2001-02-03' } }] },
  'PATCH /api/service-centers/:id/projects/:projectId': {
    foreign: (f, own) => [
      { url: `/api/service-centers/${f.serviceCenter}/projects/${f.serviceCenterProject}`, body: { name: '越权项目', startedOn: '2001-02-03' } },
      { url: `/api/service-centers/${own.serviceCenter}/projects/${f.serviceCenterProject}`, body: { name: '越权项目', startedOn: '2001-02-03' } },
    ],
  },

  'GET /api/duty-shifts': { list: '/api/duty-shifts?month=2001-02', foreign: (f) => [{ url: `/api/duty-shifts?orgId=${f.org}` }] },
  'POST /api/duty-shifts': {
    foreign: (f, own) => [
      { url: '/api/duty-shifts', body: { organizationId: f.org, shifts: [SHIFT] } },
      // A member of another branch cannot be put on an own branch's roster (and the answer says nothing of them).
      { url: '/api/duty-shifts', body: { organizationId: own.positionsBranch, shifts: [{ ...SHIFT, memberId: f.member }] } },
    ],
  },
  'POST /api/duty-shifts/:id/swap': { foreign: (f) => [{ url: `/api/duty-shifts/${f.dutyShift}/swap`, body: { swappedWithName: '越权', reason: '越权' } }] },
  'POST /api/duty-shifts/:id/presence': { foreign: (f) => [{ url: `/api/duty-shifts/${f.dutyShift}/presence`, body: { presence: 'absent', note: '越权' } }] },
  'DELETE /api/duty-shifts/:id': { foreign: (f) => [{ url: `/api/duty-shifts/${f.dutyShift}` }] },

  'GET /api/micro-power/items': { list: '/api/micro-power/items', foreign: (f) => [{ url: `/api/micro-power/items?orgId=${f.org}` }] },
  'POST /api/micro-power/items': {},
  'PATCH /api/micro-power/items/:id': { foreign: (f) => [{ url: `/api/micro-power/items/${f.microPowerItem}`, body: { name: '越权事项', active: false } }] },
  'PUT /api/micro-power/adoptions/by-org/:orgId': {
    foreign: (f, own) => [
      { url: `/api/micro-power/adoptions/by-org/${f.org}`, body: { itemIds: [], adoptedOn: '2001-02-03' } },
      { url: `/api/micro-power/adoptions/by-org/${own.positionsBranch}`, body: { itemIds: [f.microPowerItem], adoptedOn: '2001-02-03' } },
    ],
  },
  'GET /api/micro-power/uses': { list: '/api/micro-power/uses', foreign: (f) => [{ url: `/api/micro-power/uses?orgId=${f.org}` }] },
  'POST /api/micro-power/uses': {
    foreign: (f, own) => [
      { url: '/api/micro-power/uses', body: { organizationId: f.org, itemId: f.microPowerItem, subject: '越权', startedOn: '2001-02-03' } },
      { url: '/api/micro-power/uses', body: { organizationId: own.positionsBranch, itemId: f.microPowerItem, subject: '越权', startedOn: '2001-02-03' } },
    ],
  },
  'POST /api/micro-power/uses/:id/steps': { foreign: (f) => [{ url: `/api/micro-power/uses/${f.microPowerUse}/steps`, body: { index: 0, doneOn: '2001-02-03', by: '越权' } }] },
  'PATCH /api/micro-power/uses/:id': { foreign: (f) => [{ url: `/api/micro-power/uses/${f.microPowerUse}`, body: { publishable: true } }] },
  'GET /api/micro-power/ledger/:format': {
    foreign: (f) => [{ url: `/api/micro-power/ledger/docx?orgId=${f.org}` }, { url: `/api/micro-power/ledger/pdf?orgId=${f.org}&year=2024` }],
  },

  'GET /api/four-two': { list: '/api/four-two', foreign: (f) => [{ url: `/api/four-two?orgId=${f.org}` }] },
  'POST /api/four-two': { foreign: (f) => [{ url: '/api/four-two', body: { organizationId: f.org, title: '越权', category: 'other' } }] },
  'GET /api/four-two/:id': { foreign: (f) => [{ url: `/api/four-two/${f.fourTwo}` }] },
  'GET /api/four-two/:id/document/:format': { foreign: (f) => [{ url: `/api/four-two/${f.fourTwo}/document/docx` }, { url: `/api/four-two/${f.fourTwo}/document/pdf` }] },
  'POST /api/four-two/:id/stages': {
    foreign: (f) => [
      { url: `/api/four-two/${f.fourTwo}/stages`, body: { stage: 'consultation', heldOn: '2001-02-03' } },
      { url: `/api/four-two/${f.fourTwo}/stages`, body: { stage: 'review', heldOn: '2001-02-03', vote: VOTE } },
    ],
  },
  'POST /api/four-two/:id/stages/:stageId/file': {
    foreign: (f, own) => [
      { url: `/api/four-two/${f.fourTwo}/stages/${f.fourTwoStage}/file`, body: {} },
      { url: `/api/four-two/${own.fourTwo}/stages/${f.fourTwoStage}/file`, body: {} },
    ],
  },
  'GET /api/four-two/:id/stages/:stageId/file': {
    foreign: (f, own) => [{ url: `/api/four-two/${f.fourTwo}/stages/${f.fourTwoStage}/file` }, { url: `/api/four-two/${own.fourTwo}/stages/${f.fourTwoStage}/file` }],
  },
};

const START = {
  service_centers: 90000000, service_center_photos: 90100000, service_center_projects: 90200000, duty_shifts: 91000000,
  micro_power_items: 92000000, micro_power_uses: 92100000, four_two_procedures: 93000000, four_two_stages: 93100000,
};

export const positionsMatrix: MatrixModule = {
  rows,
  nonexistent: {
    positionsBranch: N, serviceCenter: N, serviceCenterPhoto: N, serviceCenterProject: N, dutyShift: N, microPowerItem: N, microPowerUse: N, fourTwo: N, fourTwoStage: N,
  },

  async setup({ pool, ids, otherBranchId, otherTenantId, anyUserId }) {
    for (const [table, start] of Object.entries(START)) await pool.query(`select setval('${table}_id_seq', ${start})`);
    const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
    const tenant = '(select tenant_id from organizations where id = $1)';
    const [demoTenant] = (await pool.query('select tenant_id from organizations where id = $1', [ids['营子村党支部']])).rows;
    const itemOf = (tenantId: number) => one(`insert into micro_power_items (tenant_id, area, name, legal_basis, steps) values ($1, '矩阵', '矩阵事项', '矩阵依据', '{一,二,三}')
      on conflict (tenant_id, name) do update set area = excluded.area returning id`, [tenantId]);
    const demoItem = await itemOf(demoTenant.tenant_id);
    const otherItem = await itemOf(otherTenantId);
    const at = async (orgId: number, itemId: number) => {
      // One centre per branch (service_centers_org_uq): the demo seed already has one for each village of the demo town, so
      // the matrix uses that one (a probe that wrote it would leave 越权 in its name); only the neighbouring town's is made here.
      const [existing] = (await pool.query('select id from service_centers where organization_id = $1', [orgId])).rows;
      const serviceCenter = existing ? Number(existing.id)
        : await one(`insert into service_centers (tenant_id, organization_id, name, address) values (${tenant}, $1, '矩阵中心', '矩阵地址') returning id`, [orgId]);
      const serviceCenterPhoto = await one(`insert into service_center_photos (tenant_id, service_center_id, mime, size, data) values (${tenant}, $2, 'image/jpeg', 3, '\\x616263') returning id`, [orgId, serviceCenter]);
      const serviceCenterProject = await one(`insert into service_center_projects (tenant_id, service_center_id, name, budget_fen) values (${tenant}, $2, '矩阵项目', 100) returning id`, [orgId, serviceCenter]);
      const dutyShift = await one(`insert into duty_shifts (tenant_id, organization_id, on_date, slot, person_name, created_by) values (${tenant}, $1, '2099-01-02', 'am', '矩阵值班', $2) returning id`, [orgId, anyUserId]);
      const microPowerUse = await one(`insert into micro_power_uses (tenant_id, organization_id, item_id, subject, started_on) values (${tenant}, $1, $2, '矩阵事由', '2024-01-01') returning id`, [orgId, itemId]);
      const fourTwo = await one(`insert into four_two_procedures (tenant_id, organization_id, title, category) values (${tenant}, $1, '矩阵事项', 'other') returning id`, [orgId]);
      const fourTwoStage = await one(`insert into four_two_stages (tenant_id, procedure_id, stage, held_on, file_name, file_mime, file_data) values (${tenant}, $2, 'proposal', '2024-01-01', 'a.txt', 'text/plain', '\\x616263') returning id`, [orgId, fourTwo]);
      return { positionsBranch: orgId, serviceCenter, serviceCenterPhoto, serviceCenterProject, dutyShift, microPowerItem: otherItem, microPowerUse, fourTwo, fourTwoStage };
    };
    const made: Record<Place, Record<string, number>> = {
      xihuagou: await at(ids['西花沟村党支部'], demoItem),
      yingzi: await at(ids['营子村党支部'], demoItem),
      other: await at(otherBranchId, otherItem),
    };
    return made;
  },

  async lists(s, role, visible, foreignNames) {
    const centers = (await s.get('/api/service-centers')).json();
    const duty = (await s.get('/api/duty-shifts?month=2099-01')).json();
    const items = (await s.get('/api/micro-power/items')).json();
    const uses = (await s.get('/api/micro-power/uses')).json();
    const fourTwo = (await s.get('/api/four-two')).json();
    const orgIdsOf = [
      ...centers.items, ...centers.missing, ...duty.items, ...duty.byOrganization, ...items.adoptions, ...uses.items, ...fourTwo.items,
    ].map((r: { organizationId: number }) => r.organizationId);
    for (const id of orgIdsOf) expect(visible.has(id), `${role}: organisation ${id}`).toBe(true);
    if (role === 'member') {
      for (const list of [centers.items, duty.items, items.adoptions, uses.items, fourTwo.items]) expect(list).toEqual([]);
    } else {
      expect(centers.items.length + uses.items.length + fourTwo.items.length + duty.items.length, `${role} sees the matrix records of its own villages`).toBeGreaterThan(0);
    }
    // The neighbouring town's item never shows in this town's list.
    expect(items.items.filter((i: { id: number; name: string }) => i.name === '矩阵事项')).toHaveLength(1);
    const all = JSON.stringify([centers, duty, items, uses, fourTwo]);
    for (const name of foreignNames) expect(all).not.toContain(name);
  },

  async untouched(pool) {
    const { rows: [dev] } = await pool.query(`select
        (select count(*) from service_centers where name like '越权%' or id >= 90000000 and (name <> '矩阵中心' or address <> '矩阵地址'))
      + (select count(*) from service_center_photos where id > 90100003)
      + (select count(*) from service_center_projects where name like '越权%' or started_on = '2001-02-03' or id >= 90200000 and (name <> '矩阵项目' or progress <> 0))
      + (select count(*) from duty_shifts where on_date = '2001-02-03' or person_name like '越权%' or id >= 91000000 and (presence is not null or swapped_with_name is not null))
      + (select count(*) from micro_power_items where name like '越权%' or id >= 92000000 and not active)
      + (select count(*) from micro_power_adoptions where adopted_on = '2001-02-03')
      + (select count(*) from micro_power_uses where subject like '越权%' or id >= 92100000 and (publishable or jsonb_array_length(steps) > 0))
      + (select count(*) from four_two_procedures where title like '越权%' or id >= 93000000 and status <> 'open')
      + (select count(*) from four_two_stages where held_on = '2001-02-03' or id > 93100003) as n`);
    expect(Number(dev.n)).toBe(0);
    const { rows: [kept] } = await pool.query(`select (select count(*) from duty_shifts where id >= 91000000)::int as shifts,
      (select count(*) from four_two_stages where id >= 93100000 and file_data is not null)::int as files`);
    expect(kept).toEqual({ shifts: 3, files: 3 });
  },
};
