/**
 * The one place that reads the environment. Everything else receives a validated `Config`.
 * Production requires its secrets; development gets safe local defaults.
 */
import { z } from 'zod';
import { isValidIndexFormat } from './documents/indexNumber.ts';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const DEV_SESSION_SECRET = 'gongkai-development-only-session-secret-0123456789';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** postgres://… selects PostgreSQL; absent means the embedded SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  SQLITE_PATH: z.string().default('data/gongkai.db'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  COOKIE_SECURE: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: bool.default(true),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(8),
  SITE_NAME: z.string().default('示范区人民政府'),
  SITE_SPONSOR: z.string().default('示范区人民政府办公室'),
  SITE_ORGANIZER: z.string().default('示范区政务服务数据管理局'),
  SITE_CONTACT: z.string().default('010-00000000'),
  SITE_ICP: z.string().default('京ICP备00000000号'),
  SITE_PSB: z.string().default('京公网安备 00000000000000号'),
  SITE_CODE: z.string().default('0000000000'),
  TRUST_PROXY: bool.default(false),
  /** where attachment files are stored (content-addressed) */
  FILES_DIR: z.string().default('data/files'),
  /** 索引号 format: {code} organization code, {year}, {seq:N} sequence padded to N digits */
  INDEX_NUMBER_FORMAT: z
    .string()
    .refine(isValidIndexFormat, 'INDEX_NUMBER_FORMAT must contain {code}, {year} and {seq}')
    .default('{code}/{year}-{seq:5}'),
  /** public base URL used in feeds and the sitemap, e.g. https://www.example.gov.cn */
  PUBLIC_BASE_URL: z.string().url('PUBLIC_BASE_URL must be an absolute URL').optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string };
  sessionSecret: string;
  cookieSecure: boolean;
  logLevel: string;
  seedDemo: boolean;
  trustProxy: boolean;
  filesDir: string;
  indexNumberFormat: string;
  /** absolute base URL for feeds and the sitemap; null means derive it from the request */
  publicBaseUrl: string | null;
  login: { maxFailures: number; lockoutMinutes: number; sessionHours: number };
  site: {
    name: string;
    sponsor: string;
    organizer: string;
    contact: string;
    icp: string;
    psb: string;
    siteCode: string;
  };
}

/** Raised when the environment does not describe a runnable platform. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parse and validate the environment; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration:\n  SESSION_SECRET is required in production');
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', path: e.SQLITE_PATH },
    sessionSecret: e.SESSION_SECRET ?? DEV_SESSION_SECRET,
    cookieSecure: e.COOKIE_SECURE ?? production,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    trustProxy: e.TRUST_PROXY,
    filesDir: e.FILES_DIR,
    indexNumberFormat: e.INDEX_NUMBER_FORMAT,
    publicBaseUrl: e.PUBLIC_BASE_URL ? e.PUBLIC_BASE_URL.replace(/\/+$/, '') : null,
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
      sessionHours: e.SESSION_HOURS,
    },
    site: {
      name: e.SITE_NAME,
      sponsor: e.SITE_SPONSOR,
      organizer: e.SITE_ORGANIZER,
      contact: e.SITE_CONTACT,
      icp: e.SITE_ICP,
      psb: e.SITE_PSB,
      siteCode: e.SITE_CODE,
    },
  };
}
