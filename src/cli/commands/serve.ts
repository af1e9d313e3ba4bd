import { hostname } from 'node:os';
import type { Command } from 'commander';
import { DEMO_PASSWORD, grantDemoPasswords, listDemoSignIns } from '../../app/auth/demo-sign-in.js';
import { offPlaybookRefusal } from '../../app/demo/playbook-fit.js';
import { housekeeping } from '../../app/jobs/housekeeping.js';
import { inboundEvents } from '../../app/jobs/inbound-events.js';
import { inspectionRefresh } from '../../app/jobs/inspection-refresh.js';
import { scheduleJobs } from '../../app/jobs/run-jobs.js';
import { weeklySnapshot } from '../../app/jobs/weekly-snapshot.js';
import { type OpenApp, openApp } from '../../app/open-app.js';
import { renewalsJob } from '../../app/renewals/run-renewals.js';
import { openIntegrations } from '../../integrations/open-integrations.js';
import { appConfig, readConfig } from '../config.js';
import { seedIfEmpty } from './seed.js';
import { runWebhookWorker } from './worker.js';

/**
 * Demo mode: seed an empty database, give the demo users the demo password, and say so in the log. Refuses a
 * database whose deals the playbook does not fit (seeded under another playbook: another company's demo).
 */
async function prepareDemo(app: OpenApp): Promise<boolean> {
  const { context } = app;
  const refusal = await offPlaybookRefusal(context.db, context.playbook);
  if (refusal) throw new Error(refusal);
  await seedIfEmpty(app);
  await grantDemoPasswords(context);
  const users = await listDemoSignIns(context);
  if (users.length === 0) {
    console.log('closepath: --demo, but this database has no demo users; demo sign-in is off');
    return false;
  }
  console.log(`closepath: DEMO MODE — sign in as any of these users with the password "${DEMO_PASSWORD}":`);
  for (const user of users) {
    console.log(
      `closepath:   ${user.role.padEnd(12)} ${user.email}${user.region ? ` (${user.region})` : ''}`,
    );
  }
  return true;
}

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('Start the HTTP server (API and docs at /api/v1/docs)')
    .option('--demo', 'demo mode: seed the demo org into an empty database; demo users get the demo password')
    .option(
      '--playbook <file>',
      'the playbook to run (YAML; overrides PLAYBOOK_FILE; default: the shipped demo playbook). With --demo the demo ' +
        'data follows it; give each playbook its own DATA_DIR',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  closepath serve --demo\n  DATA_DIR=.closepath-northwind closepath serve --demo --playbook playbooks/northwind.yaml\n',
    )
    .action(async (options: { demo?: boolean; playbook?: string }) => {
      const config = readConfig();
      const integrations = openIntegrations(process.env, () => new Date());
      // The HTTP layer (Fastify, OpenAPI, routes) loads while the database opens in its worker thread.
      const http = Promise.all([import('../../api/build-server.js'), import('../../api/web-app.js')]);
      http.catch(() => {}); // awaited below; a failed open must not also report this as unhandled
      const app = await openApp(appConfig(config, options));
      console.log(`closepath: playbook: ${app.context.playbook.name} (${app.context.playbook.id})`);
      const where =
        app.engine === 'pglite'
          ? `embedded PostgreSQL (PGlite) in ${config.DATA_DIR}`
          : 'PostgreSQL server (DATABASE_URL)';
      console.log(`closepath: database: ${where}`);
      let demo = false;
      try {
        demo = options.demo ? await prepareDemo(app) : false;
      } catch (error) {
        await app.close();
        throw error;
      }
      for (const line of integrations.summary) console.log(`closepath: ${line}`);
      const { eSignature, privateOffers } = integrations;
      const context = { ...app.context, integrations: { eSignature, privateOffers } };
      const [{ buildServer }, { registerWebApp }] = await http;
      const server = await buildServer({
        context,
        logger: { level: config.LOG_LEVEL },
        demo,
        trustProxy: config.TRUST_PROXY,
        inbound: integrations.inbound,
        rateLimits: { requestsPerPrincipal: { limit: config.REQUESTS_PER_MINUTE, windowMs: 60_000 } },
        loadShedding: {
          maxConcurrentRequests: config.SHED_CONCURRENT_REQUESTS,
          maxEventLoopDelayMs: config.SHED_EVENT_LOOP_DELAY_MS,
        },
      });
      const webApp = await registerWebApp(server);
      if (!webApp) console.log('closepath: the web app is not built (npm run build); serving the API only');
      const stopJobs = scheduleJobs(context, [housekeeping, inboundEvents, weeklySnapshot], {
        periodMs: config.JOBS_PERIOD_MS,
        process: `${hostname()}:${process.pid}`,
        onError: (job, error) => server.log.error({ err: error }, `job ${job.name} failed`),
      });
      // Renewals run once a day (UTC) across every server process.
      const stopDailyJobs = scheduleJobs(context, [renewalsJob], {
        periodMs: 86_400_000,
        process: `${hostname()}:${process.pid}`,
        onError: (job, error) => server.log.error({ err: error }, `job ${job.name} failed`),
      });
      // Stored inspections follow the passing of time: checked hourly, recomputed once a day (UTC).
      const stopHourlyJobs = scheduleJobs(context, [inspectionRefresh], {
        periodMs: 3_600_000,
        process: `${hostname()}:${process.pid}`,
        onError: (job, error) => server.log.error({ err: error }, `job ${job.name} failed`),
      });
      const worker =
        config.WEBHOOKS_WORKER === 'on'
          ? runWebhookWorker(app.context, config, (message) => server.log.error(message))
          : undefined;
      const stop = async () => {
        stopJobs();
        stopDailyJobs();
        stopHourlyJobs();
        await worker?.stop();
        await server.close();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      // The address actually bound: with PORT=0 the system picks a free port (the browser tests do).
      const address = await server.listen({ port: config.PORT, host: config.HOST });
      console.log(
        `closepath: listening on ${address} — ${webApp ? 'the app at /, ' : ''}API docs at /api/v1/docs`,
      );
    });
}
