/**
 * The public side of government information: the 政府信息公开专栏 (district and units), the 政策文件库 and 政策解读,
 * document pages and attachments, feeds, the sitemap and the JSON API — plus the admin form for the guide texts.
 * Every public surface reads through repository.ts, which starts from `publishedDocuments`.
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { apiRoutes } from './apiRoutes.ts';
import { columnRoutes } from './columnRoutes.ts';
import { documentRoutes } from './documentRoutes.ts';
import { feedRoutes } from './feedRoutes.ts';
import { guideRoutes } from './guideRoutes.ts';

/** Register the portal routes. */
export function portalRoutes(app: FastifyInstance, services: Services): void {
  columnRoutes(app, services.db);
  documentRoutes(app, services);
  feedRoutes(app, services.db);
  apiRoutes(app, services.db);
  guideRoutes(app, services);
}
