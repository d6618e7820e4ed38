import type { DossierBody, DossierRequirementBody } from '#contracts';
import type { Actor, DocumentKind } from '#kernel';
import { documentRequirements } from '#rules';
import type { ProposalEventType } from '#workflows/proposal';
import { attachableKinds, canRemoveDocuments } from './document-access.policy.js';
import type { DocumentRecord } from './document.records.js';
import type { ProposalRecord } from './proposal.records.js';

/** The documents generated from the stored data (GET /api/proposals/:id/forms/:form). */
export const PROPOSAL_FORMS = ['to-trinh', 'quyet-dinh', 'bang-khen'] as const;
export type ProposalForm = (typeof PROPOSAL_FORMS)[number];

/** What the dossier needs for one of the caller's next steps, and whether it is there (the contract's DossierRequirementBody). */
export interface RequiredDocument extends DossierRequirementBody {
  event: ProposalEventType;
  rule: string;
  documentKind: DocumentKind;
  present: boolean;
  message: string;
  messageEn: string;
}

/**
 * The dossier as one caller sees it: what they may do with it now, and what each next step waits for. It
 * implements the contract's DossierBody (libs/contracts), so a change that breaks the console fails to compile.
 */
export interface DossierView extends DossierBody {
  uploadableKinds: DocumentKind[];
  canRemove: boolean;
  required: RequiredDocument[];
  forms: ProposalForm[];
}

/**
 * The award is decided once the chairman has approved (or the unit awarded within its authority): only then is
 * there a decision to print and a certificate to hand over.
 */
export function formsAvailable(record: Pick<ProposalRecord, 'state'>): ProposalForm[] {
  return record.state === 'awarded' || record.state === 'awardedByUnit' ? [...PROPOSAL_FORMS] : ['to-trinh'];
}

export function toDossierView(
  record: ProposalRecord,
  viewer: Actor,
  allowedEvents: readonly ProposalEventType[],
  documents: readonly DocumentRecord[],
  documentsRequired: boolean,
): DossierView {
  const present = new Set(documents.map((document) => document.kind));
  const facts = record.snapshot.context;
  const required = documentsRequired
    ? allowedEvents.flatMap((event) =>
        documentRequirements(event, facts).map(({ rule, documentKind, message, messageEn }) => ({
          event,
          rule,
          documentKind,
          present: present.has(documentKind),
          message,
          messageEn,
        })),
      )
    : [];
  return {
    uploadableKinds: attachableKinds(viewer, record),
    canRemove: canRemoveDocuments(viewer, record),
    required,
    forms: formsAvailable(record),
  };
}
