/**
 * buildApp(config) returns an unstarted Fastify instance. Each concern is set up by one function, in tiers:
 * infrastructure → shared request state → routes. server.ts listens; tests use `app.inject`.
 */
import { fileURLToPath } from 'node:url';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { syncShippedCalendar } from './calendar/repository.ts';
import { setUpSessions } from './platform/session.ts';
import { setUpPreferences } from './platform/preferences.ts';
import { handleFrameworkError, setUpErrorHandling } from './platform/errorHandler.ts';
import { setUpEdgeChecks } from './platform/edge.ts';
import { setUpViewer } from './auth/viewer.ts';
import { createServices, type Services } from './services.ts';
import { isDemoSeeded } from './demo/seed.ts';
import { healthRoutes } from './site/healthRoutes.ts';
import { siteRoutes } from './site/routes.ts';
import { portalRoutes } from './portal/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { dashboardRoutes } from './admin/routes.ts';
import { organizationRoutes } from './organizations/routes.ts';
import { staffRoutes } from './staff/routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { documentDashboardRoutes } from './documents/dashboards/routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { documentWorkflowRoutes } from './documents/workflowRoutes.ts';
import { vocabularyRoutes } from './vocabularies/routes.ts';
import { documentAttachmentRoutes } from './documents/attachmentRoutes.ts';
import { MAX_ATTACHMENT_BYTES } from './attachments/detect.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    services: Services;
    /** true when the database holds the demo district: pages show a demo banner */
    demoMode: boolean;
  }
}

export interface BuildOptions {
  /** an already-open database (tests); otherwise the one the config names is opened and closed with the app */
  database?: DatabaseHandle;
  /** run migrations and sync the shipped calendar first (default true) */
  migrate?: boolean;
  logger?: boolean;
}

const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

/** Build the platform without starting it. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const handle = options.database ?? openDatabase(config);
  if (options.migrate !== false) {
    await migrateToLatest(handle.db);
    await syncShippedCalendar(handle.db);
  }

  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: handleFrameworkError,
  });
  if (!options.database) app.addHook('onClose', () => handle.destroy());

  const services = await createServices(config, handle.db, handle.dialect);
  app.decorate('config', config);
  app.decorate('services', services);
  app.decorate('demoMode', await isDemoSeeded(handle.db));

  // Infrastructure
  // Security headers. Everything is served locally, so the CSP allows only this origin; document bodies are
  // sanitised on save, and the CSP is the second line should anything slip through.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // HSTS only where cookies are secure (HTTPS deployments); a local http:// start must keep working.
    strictTransportSecurity: config.cookieSecure ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: '1d', immutable: false });
  await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
  // Uploads are buffered (attachments are at most 20 MiB) so the CSRF field is read like any other form field.
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024 },
  });
  await app.register(fastifyRateLimit, { global: false });
  await setUpSessions(app, handle.db, config);
  setUpEdgeChecks(app);
  // Shared request state
  setUpPreferences(app);
  setUpViewer(app, handle.db);
  setUpErrorHandling(app);
  // Routes
  healthRoutes(app, services);
  siteRoutes(app, services);
  portalRoutes(app, services);
  authRoutes(app, handle.db);
  dashboardRoutes(app, services);
  organizationRoutes(app, services);
  staffRoutes(app, services);
  calendarRoutes(app, services);
  auditRoutes(app, services);
  documentDashboardRoutes(app, services);
  documentRoutes(app, services);
  documentWorkflowRoutes(app, services);
  vocabularyRoutes(app, services);
  documentAttachmentRoutes(app, services);

  return app;
}
