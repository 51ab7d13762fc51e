import type pg from 'pg';
import type { Session } from '../context.js';
import { testIdNumber } from '../factories.js';

/**
 * Records the role table's stateful probes act on, made fresh for every probe: a granted probe moves its record on
 * (a disclosure reviewed, an export approved), so the next account must meet the state the route needs again, not
 * a 409. Each is a row of 营子村党支部 (inside every demo account's scope) in the shape the scope matrix's setup gives
 * its own records (matrix/core.ts, inspection.ts, disclosure.ts).
 */
export class RoleState {
  constructor(
    private readonly pool: pg.Pool,
    readonly branch: number,
    private readonly users: Record<string, number>,
    /** The town admin's session, for records made through the product's own routes. */
    private readonly admin: Session,
  ) {}

  private async one(sql: string, params: unknown[]): Promise<number> {
    return Number((await this.pool.query(sql, params)).rows[0].id);
  }

  private get tenant() { return '(select tenant_id from organizations where id = $1)'; }

  userId(username: string): number {
    const id = this.users[username];
    if (id === undefined) throw new Error(`role table: no demo account ${username}`);
    return id;
  }

  /** A 组织生活 record submitted for sign-off, supervised by the demo supervisor account or by nobody. */
  submittedActivity(supervisor: string | null): Promise<number> {
    return this.one(`insert into activities (tenant_id, organization_id, kind, held_on, place, topic, created_by, supervisor_user_id, review_status)
      values (${this.tenant}, $1, 'theme_day', '2026-02-10', '村党员活动室', '角色表签认', $2, $3, 'submitted') returning id`,
    [this.branch, this.userId('yingzi'), supervisor === null ? null : this.userId(supervisor)]);
  }

  /** A 导出申请 waiting for review, by an account none of the probed ones is (the 西花沟 secretary). */
  pendingExportRequest(): Promise<number> {
    return this.one(`insert into member_export_requests (tenant_id, requested_by, query, reason, row_count, status)
      values ((select tenant_id from users where id = $1), $1, $2, '角色表核对', 1, 'pending') returning id`,
    [this.userId('xihuagou'), JSON.stringify({ orgId: this.branch })]);
  }

  /** A full member of the branch, registered as the town admin would (so its 入党 events exist), for a probe that moves them. */
  async member(): Promise<number> {
    const res = await this.admin.post('/api/members', {
      name: '角色表党员', gender: 'male', birthDate: '1980-01-01', idNumber: testIdNumber(), joinedAt: '2005-07-01', confirmedAt: '2006-07-01', organizationId: this.branch,
    });
    if (res.statusCode !== 201) throw new Error(`role table: member not registered: ${res.body}`);
    return Number(res.json().id);
  }

  /** An open 联督联查 round visiting the branch. */
  async openRound(): Promise<number> {
    const round = await this.one(`insert into inspection_rounds (tenant_id, title, starts_on, ends_on, team, items)
      values (${this.tenant}, '角色表联督联查', '2026-05-01', '2026-05-10', $2, $3) returning id`, [this.branch,
      JSON.stringify([{ name: '李敏', department: 'discipline' }, { name: '王芳', department: 'organization_dept' }, { name: '赵强', department: 'civil_affairs' }]),
      JSON.stringify([{ key: 'disclosure', label: '三务公开' }])]);
    await this.pool.query(`insert into inspection_round_villages (tenant_id, round_id, organization_id) values (${this.tenant}, $2, $1)`, [this.branch, round]);
    return round;
  }

  /** A 整改 task of the branch, from a finding on its own round: open, or submitted for review. */
  async rectification(status: 'open' | 'submitted'): Promise<number> {
    const round = await this.openRound();
    const result = await this.one(`insert into inspection_results (tenant_id, round_id, organization_id, item_key, outcome, note)
      values (${this.tenant}, $2, $1, 'disclosure', 'finding', '公开栏缺财务表') returning id`, [this.branch, round]);
    return this.one(`insert into rectifications (tenant_id, round_id, result_id, organization_id, description, owner_name, due_on, required_evidence, status)
      values (${this.tenant}, $2, $3, $1, '公开栏缺财务表', '责任人', '2026-05-20', '公开栏照片', $4) returning id`, [this.branch, round, result, status]);
  }

  /** A 三务公开 of the branch in the given workflow status. */
  disclosure(status: 'draft' | 'submitted' | 'reviewed'): Promise<number> {
    return this.one(`insert into disclosures (tenant_id, organization_id, village_id, category, rule_key, period, title, content, status)
      select tenant_id, id, village_id, 'finance', 'finance_monthly', '2026-02', '角色表公开', '角色表公开正文', $2 from organizations where id = $1 returning id`,
    [this.branch, status]);
  }
}
