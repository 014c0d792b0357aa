import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { main, type CliIo } from '../cli/main.ts';
import { testDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { createOrg, createStaff } from '../../test/helpers/factories.ts';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { appendAudit, canonicalJson, GENESIS_HASH, verifyAuditChain } from './repository.ts';

const actor = { id: 1, name: '测试员', ip: '127.0.0.1' };

async function appendMany(t: TestDatabase, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await t.db.transaction().execute((trx) =>
      appendAudit(trx, actor, { action: 'test.changed', entityType: 'thing', entityId: i, orgId: 1, before: { v: i }, after: { v: i + 1 } }),
    );
  }
}

/** CLI I/O bound to a test database that the command must not close. */
function cliIo(t: TestDatabase, out: string[], err: string[]): CliIo {
  return { out: (l) => out.push(l), err: (l) => err.push(l), open: async () => ({ ...t, destroy: async () => undefined }) };
}

describe('audit hash chain', () => {
  let t: TestDatabase;
  before(async () => {
    t = await testDatabase();
  });
  after(() => t.cleanup());

  test('canonical JSON sorts keys so equal content hashes equally', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } }), '{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
  });

  test('entries link to their predecessor and the chain verifies', async () => {
    await appendMany(t, 5);
    const rows = await t.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    assert.equal(rows.length, 5);
    assert.equal(rows[0]!.prev_hash, GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) assert.equal(rows[i]!.prev_hash, rows[i - 1]!.hash);
    assert.deepEqual(await verifyAuditChain(t.db), { ok: true, checked: 5, firstBroken: null });
    const out: string[] = [];
    const err: string[] = [];
    assert.equal(await main(['audit', 'verify'], cliIo(t, out, err)), 0);
    assert.match(out.join('\n'), /已核验 5 条记录/);
  });

  test('an edited entry is named as the first broken one, by the CLI too', async () => {
    const third = await t.db.selectFrom('audit_log').select('id').orderBy('id').offset(2).limit(1).executeTakeFirstOrThrow();
    await t.db.updateTable('audit_log').set({ after_json: '{"v":999}' }).where('id', '=', third.id).execute();
    const result = await verifyAuditChain(t.db);
    assert.equal(result.ok, false);
    assert.equal(result.firstBroken?.id, third.id);
    assert.equal(result.checked, 2);
    const out: string[] = [];
    const err: string[] = [];
    assert.equal(await main(['audit', 'verify'], cliIo(t, out, err)), 2);
    assert.match(err.join('\n'), new RegExp(`第一条异常记录编号 ${third.id}`));
  });

  test('a deleted entry breaks the link of the next one; a deleted last entry is caught by the head', async () => {
    const t2 = await testDatabase();
    try {
      await appendMany(t2, 4);
      const ids = (await t2.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
      await t2.db.deleteFrom('audit_log').where('id', '=', ids[1]!).execute();
      assert.equal((await verifyAuditChain(t2.db)).firstBroken?.id, ids[2]);

      const t3 = await testDatabase();
      try {
        await appendMany(t3, 3);
        const last = await t3.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
        await t3.db.deleteFrom('audit_log').where('id', '=', last.id).execute();
        const r = await verifyAuditChain(t3.db);
        assert.equal(r.ok, false);
        assert.equal(r.firstBroken?.id, last.id);
      } finally {
        await t3.cleanup();
      }
    } finally {
      await t2.cleanup();
    }
  });

  test('a failed transaction leaves neither the change nor its audit entry', async () => {
    const t4 = await testDatabase();
    try {
      await assert.rejects(
        t4.db.transaction().execute(async (trx) => {
          await appendAudit(trx, actor, { action: 'test.changed', entityType: 'thing' });
          throw new Error('boom');
        }),
      );
      const count = await t4.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 0);
      assert.equal((await verifyAuditChain(t4.db)).ok, true);
    } finally {
      await t4.cleanup();
    }
  });
});

describe('audit pages', () => {
  let t: TestApp;
  let orgA: number;
  let orgB: number;
  before(async () => {
    t = await testApp();
    const root = await createOrg(t.db, { kind: 'government' });
    orgA = await createOrg(t.db, { parentId: root, name: '甲单位' });
    orgB = await createOrg(t.db, { parentId: root, name: '乙单位' });
    await createStaff(t.db, { username: 'auditadmin', roles: [{ orgId: root, role: 'admin' }] });
    await createStaff(t.db, { username: 'unitadmina', roles: [{ orgId: orgA, role: 'unit_admin' }] });
    await createStaff(t.db, { username: 'editora', roles: [{ orgId: orgA, role: 'editor' }] });
    await t.db.transaction().execute(async (trx) => {
      await appendAudit(trx, actor, { action: 'organization.updated', entityType: 'organization', entityId: orgA, orgId: orgA, after: { name: '甲单位新名' } });
      await appendAudit(trx, actor, { action: 'organization.updated', entityType: 'organization', entityId: orgB, orgId: orgB, after: { name: '乙单位机密' } });
    });
  });
  after(() => t.close());

  test('the administrator sees every entry, filters them and verifies the chain', async () => {
    const agent = await new Agent(t.app).signIn('auditadmin', 'testPassw0rd1');
    const list = await agent.get('/admin/audit');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /甲单位/);
    assert.match(list.body, /乙单位/);
    const filtered = await agent.get('/admin/audit?action=auth.');
    assert.doesNotMatch(filtered.body, /修改单位/);
    assert.match(filtered.body, /登录/);
    const verify = await agent.get('/admin/audit/verify');
    assert.equal(verify.statusCode, 200);
    assert.match(verify.body, /记录链完整/);
    const badDate = await agent.get('/admin/audit?from=2026-02-30');
    assert.equal(badDate.statusCode, 422);
    assert.match(badDate.body, /起始日期格式/);
  });

  test('a unit administrator sees only their unit’s entries and cannot open another unit’s', async () => {
    const agent = await new Agent(t.app).signIn('unitadmina', 'testPassw0rd1');
    const list = await agent.get('/admin/audit');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /甲单位/);
    assert.doesNotMatch(list.body, /乙单位/);
    const other = await t.db.selectFrom('audit_log').select('id').where('org_id', '=', orgB).executeTakeFirstOrThrow();
    assert.equal((await agent.get(`/admin/audit/${other.id}`)).statusCode, 404);
    assert.equal((await agent.get('/admin/audit/verify')).statusCode, 403);
  });

  test('an editor may not read the audit log', async () => {
    const agent = await new Agent(t.app).signIn('editora', 'testPassw0rd1');
    assert.equal((await agent.get('/admin/audit')).statusCode, 403);
  });
});
