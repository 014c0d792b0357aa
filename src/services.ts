/** The composition root: creates the services once and hands each route module only what it uses. */
import './policies.ts';
import type { Config } from './config.ts';
import type { Db, Dialect } from './db/database.ts';
import { CalendarService } from './calendar/service.ts';
import { FileBlobStore, type BlobStore } from './attachments/storage.ts';
import { invalidatePublicCache } from './portal/cache.ts';

export interface Services {
  config: Config;
  db: Db;
  dialect: Dialect;
  calendar: CalendarService;
  /** attachment bytes, content-addressed (object storage can replace the file store) */
  blobs: BlobStore;
  /** called after anything that changes what the public sees (clears the public page cache) */
  onPublicChange: () => void;
}

/** Wire the services for an app instance. */
export async function createServices(config: Config, db: Db, dialect: Dialect): Promise<Services> {
  const calendar = new CalendarService(db);
  await calendar.reload();
  return { config, db, dialect, calendar, blobs: new FileBlobStore(config.filesDir), onPublicChange: invalidatePublicCache };
}
