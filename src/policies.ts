/**
 * Every domain's permissions, loaded once. The composition root (services.ts) imports this, so the server, the CLI,
 * jobs and tests all check permissions against the same complete table. A new domain adds its policy.ts here.
 */
import './organizations/policy.ts';
import './staff/policy.ts';
import './calendar/policy.ts';
import './audit/policy.ts';
import './vocabularies/policy.ts';
import './documents/policy.ts';
