import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { ROLES } from '../../domain/access/roles.js';
import { seedDemo } from '../demo/seed-demo.js';
import { authSettings } from './auth-settings.js';
import { DEMO_PASSWORD, grantDemoPasswords, listDemoSignIns } from './demo-sign-in.js';
import { login } from './login.js';
import { TEST_SCRYPT_COST } from './passwords.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const settings = authSettings({ passwordCost: TEST_SCRYPT_COST });
const signIn = (context: ReturnType<typeof testContext>['context'], email: string, password: string) =>
  login(context, settings, { email, password, ip: null, userAgent: null });

describe('demo sign-in', () => {
  it('seeds users without passwords; demo mode gives each demo user the demo password, once', async () => {
    const { context } = testContext(database.db);
    await seedDemo(context, { anchor: new Date('2026-11-26T12:00:00Z'), opportunities: 2 });
    const users = await listDemoSignIns(context);
    expect(new Set(users.map((user) => user.role))).toEqual(new Set(ROLES));
    const admin = users.find((user) => user.role === 'revops_admin');
    expect(admin?.email).toBe('grace.kim@closepath.demo');
    expect((await signIn(context, 'grace.kim@closepath.demo', DEMO_PASSWORD)).ok).toBe(false);

    expect(await grantDemoPasswords(context, TEST_SCRYPT_COST)).toBe(users.length);
    const hashes = await database.db.selectFrom('users').select('password_hash').execute();
    expect(new Set(hashes.map((row) => row.password_hash)).size).toBe(users.length);
    expect((await signIn(context, 'grace.kim@closepath.demo', DEMO_PASSWORD)).ok).toBe(true);
    expect((await signIn(context, 'maya.chen@closepath.demo', DEMO_PASSWORD)).ok).toBe(true);
    expect(await grantDemoPasswords(context, TEST_SCRYPT_COST)).toBe(0);
  });
});
