import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { BlobStore, discardStaged, type InspectedContent, type StagedFile } from '#documents';
import { Clock, DomainError, type Actor, type DocumentKind } from '#kernel';
import {
  DOCUMENT_ATTACHED,
  DOCUMENT_REMOVED,
  type DocumentAttachedPayload,
  type DocumentRecord,
  type DocumentRemovedPayload,
} from '../document.records.js';
import { assertCanAttach, assertCanRemove } from '../document-access.policy.js';
import { toDocumentView, type DocumentView } from '../document.view.js';
import { ProposalRepository, type ProposalWriteTx } from '../ports/proposal.repository.js';
import { assertCanSeeUnit } from '../proposal-access.policy.js';
import { sealNextLine } from '../proposal-log.js';
import type { LoggedEvent, ProposalRecord } from '../proposal.records.js';

/** An upload once received in full and judged by its bytes (apps/api does the receiving). */
export interface IncomingDocument {
  kind: DocumentKind;
  /** Already made safe (libs/documents safeFileName). */
  fileName: string;
  staged: StagedFile;
  content: InspectedContent;
}

/**
 * The dossier's documents (docs/documents.md). Adding or removing one is a line in the proposal's hash chain,
 * sealed like any event but no step of the machine: the stage does not move, the version does (the dossier
 * changed under anyone holding an older copy).
 */
export class DossierUseCases {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly blobs: BlobStore,
    private readonly clock: Clock,
  ) {}

  /** Asked before an upload's body is read, so a refusal costs the caller nothing; asked again when it lands. */
  async assertMayAttach(proposalId: string, actor: Actor, kind: DocumentKind): Promise<void> {
    assertCanAttach(actor, await this.visible(proposalId, actor), kind);
  }

  async attach(proposalId: string, actor: Actor, incoming: IncomingDocument): Promise<DocumentView> {
    try {
      await this.assertMayAttach(proposalId, actor, incoming.kind);
    } catch (error) {
      await discardStaged(incoming.staged);
      throw error;
    }
    // The bytes go in first: content-addressed, so a refusal below leaves at most an unreferenced copy, while
    // the other order could seal a hash whose bytes never arrived.
    await this.blobs.put(incoming.staged, this.clock.now().toISOString());
    return untilNoRace(() => this.proposals.transaction(async (tx) => {
      const current = await loadOrFail(tx, proposalId);
      assertCanAttach(actor, current, incoming.kind);
      const at = this.clock.now().toISOString();
      const document: DocumentRecord = {
        id: randomUUID(),
        proposalId,
        seq: current.lastSeq + 1,
        kind: incoming.kind,
        fileName: incoming.fileName,
        mediaType: incoming.content.mediaType,
        size: incoming.staged.size,
        sha256: incoming.staged.sha256,
        uploadedBy: actor,
        uploadedAt: at,
        removedSeq: null,
        removedBy: null,
        removedAt: null,
      };
      const payload: DocumentAttachedPayload = {
        documentId: document.id,
        kind: document.kind,
        fileName: document.fileName,
        mediaType: document.mediaType,
        size: document.size,
        sha256: document.sha256,
      };
      await appendDossierEvent(tx, current, actor, at, DOCUMENT_ATTACHED, { ...payload });
      await tx.insertDocument(document);
      return toDocumentView(document);
    }));
  }

  async remove(proposalId: string, documentId: string, actor: Actor): Promise<void> {
    await untilNoRace(() => this.proposals.transaction(async (tx) => {
      const current = await loadOrFail(tx, proposalId);
      assertCanSeeUnit(actor, current.unitId);
      const document = (await tx.documents(proposalId)).find((candidate) => candidate.id === documentId);
      if (!document) throw notFound(proposalId, documentId);
      assertCanRemove(actor, current);
      const at = this.clock.now().toISOString();
      const payload: DocumentRemovedPayload = {
        documentId,
        kind: document.kind,
        fileName: document.fileName,
        sha256: document.sha256,
      };
      const logged = await appendDossierEvent(tx, current, actor, at, DOCUMENT_REMOVED, { ...payload });
      if (!(await tx.markDocumentRemoved(document, logged.seq, actor, at))) throw conflict(current);
    }));
  }

  async list(proposalId: string, actor: Actor): Promise<DocumentView[]> {
    await this.visible(proposalId, actor);
    return (await this.proposals.documents(proposalId)).map(toDocumentView);
  }

  /**
   * A document's bytes. A removed document stays readable to auditors (the log names it), to no one else.
   * A document whose bytes are gone is reported, never served empty.
   */
  async open(proposalId: string, documentId: string, actor: Actor): Promise<{ document: DocumentView; bytes: Readable }> {
    await this.visible(proposalId, actor);
    const document = await this.proposals.document(proposalId, documentId);
    if (!document || (document.removedAt !== null && !actor.roles.includes('auditor'))) throw notFound(proposalId, documentId);
    const bytes = await this.blobs.open(document.sha256);
    if (!bytes) {
      throw new DomainError('NOT_FOUND', `The stored bytes of document ${documentId} are missing; tell the administrator`, {
        id: documentId,
        sha256: document.sha256,
      });
    }
    return { document: toDocumentView(document), bytes };
  }

  private async visible(proposalId: string, actor: Actor): Promise<ProposalRecord> {
    const record = await this.proposals.findById(proposalId);
    if (!record) throw new DomainError('NOT_FOUND', `Proposal ${proposalId} does not exist`, { id: proposalId });
    assertCanSeeUnit(actor, record.unitId);
    return record;
  }
}

/** Seals a dossier line after the proposal's last event and moves the row's head to it, compare-and-set. */
async function appendDossierEvent(
  tx: ProposalWriteTx,
  current: ProposalRecord,
  actor: Actor,
  at: string,
  type: typeof DOCUMENT_ATTACHED | typeof DOCUMENT_REMOVED,
  payload: Record<string, unknown>,
): Promise<LoggedEvent> {
  // The stage does not move: the line is sealed in the state the proposal is in.
  const logged = sealNextLine(current, { type, actor, at, payload, state: current.state });
  const updated: ProposalRecord = {
    ...current,
    version: current.version + 1,
    lastSeq: logged.seq,
    lastHash: logged.hash,
    updatedAt: at,
  };
  if (!(await tx.advance(current, updated, logged, []))) throw conflict(current);
  return logged;
}

/** Enough for the files a clerk drops at once; past that, the caller hears of the conflict. */
const RACE_ATTEMPTS = 8;

/**
 * Adding or removing a document depends on no version the caller saw (there is no If-Match to honour), only
 * on the stage, which each attempt checks again. So when several files land on one dossier at once and another
 * line got in first (PostgreSQL runs such transactions side by side), the line is simply sealed after it.
 */
async function untilNoRace<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'VERSION_CONFLICT') || attempt >= RACE_ATTEMPTS) throw error;
    }
  }
}

async function loadOrFail(tx: ProposalWriteTx, proposalId: string): Promise<ProposalRecord> {
  const current = await tx.load(proposalId);
  if (!current) throw new DomainError('NOT_FOUND', `Proposal ${proposalId} does not exist`, { id: proposalId });
  return current;
}

const notFound = (proposalId: string, documentId: string) =>
  new DomainError('NOT_FOUND', `Document ${documentId} is not in the dossier of proposal ${proposalId}`, { id: documentId });

const conflict = (current: ProposalRecord) =>
  new DomainError('VERSION_CONFLICT', 'Someone changed this dossier first; reload it and try again', {
    currentVersion: current.version,
  });
