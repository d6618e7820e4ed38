import { InitialSchema1764300000000 } from './1764300000000-initial-schema.migration.js';
import { RulesAndDeadlines1764400000000 } from './1764400000000-rules-and-deadlines.migration.js';
import { Notifications1764500000000 } from './1764500000000-notifications.migration.js';
import { QuotaCounters1764600000000 } from './1764600000000-quota-counters.migration.js';
import { DeadlineDueIndex1764650000000 } from './1764650000000-deadline-due-index.migration.js';
import { AuditCheckpoints1764700000000 } from './1764700000000-audit-checkpoints.migration.js';
import { WebhookDisabling1764800000000 } from './1764800000000-webhook-disabling.migration.js';
import { DossierDocuments1764900000000 } from './1764900000000-dossier-documents.migration.js';
import { AuditCheckpointHeads1765000000000 } from './1765000000000-audit-checkpoint-heads.migration.js';
import { TransitionWriteIndexes1765100000000 } from './1765100000000-transition-write-indexes.migration.js';
import { UnitTypesAndHistory1765200000000 } from './1765200000000-unit-types-and-history.migration.js';
import { ProposalNameSearch1765250000000 } from './1765250000000-proposal-name-search.migration.js';
import { PeopleRegistry1765300000000 } from './1765300000000-people-registry.migration.js';

/** In order. Listed, not globbed: the same list works from sources under Jest and from dist/. */
export const MIGRATIONS = [
  InitialSchema1764300000000,
  RulesAndDeadlines1764400000000,
  Notifications1764500000000,
  QuotaCounters1764600000000,
  DeadlineDueIndex1764650000000,
  AuditCheckpoints1764700000000,
  WebhookDisabling1764800000000,
  DossierDocuments1764900000000,
  AuditCheckpointHeads1765000000000,
  TransitionWriteIndexes1765100000000,
  UnitTypesAndHistory1765200000000,
  ProposalNameSearch1765250000000,
  PeopleRegistry1765300000000,
];
