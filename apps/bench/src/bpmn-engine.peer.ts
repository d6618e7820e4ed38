import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { Engine, type BpmnEngineExecutionState, type BpmnEngineOptions } from 'bpmn-engine';
import type { Actor } from '#kernel';
import type { EventRequest, NewProposal } from '#proposals';
import { openLikeTheApp } from './raw-transaction.ceiling.js';

/**
 * The peer of issue 14: the same five steps run by bpmn-engine, a general BPMN 2.0 engine, the way a server
 * runs it with persistence. Each step is a user task. A proposal's engine is started once (run up to the first
 * task, its state saved); then every step recovers an engine from the state saved after the previous one
 * (`recover` + `resume`), signals the waiting user task with the same actor and payload as the app's event,
 * and saves `getState()` again: one SQLite transaction per step, in a file opened like the app's.
 *
 * Its best configuration, as bpmn-engine's API offers it: the BPMN source is compiled once and handed to every
 * engine as `sourceContext`, so the saved state leaves out the definitions' `source` (the same for every
 * proposal; a recovered engine takes it from the option); a silent Logger instead of the default `debug` one.
 * The row holds the state only: no event log, no outbox, no hash chain (the app and the ceiling write all three).
 */

/** The five user tasks, in the order of PIPELINE_EVENTS, from a drafted proposal to an awarded one. */
export const BPMN_TASKS = ['submit', 'forward', 'recommend', 'agree', 'approve'] as const;

export const PROPOSAL_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions id="proposalDefinitions" xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="urn:khen-thuong:bench">
  <process id="proposal" isExecutable="true">
    <startEvent id="drafting" />
    <userTask id="submit" name="Đơn vị trình hồ sơ" />
    <userTask id="forward" name="Thủ trưởng đơn vị chuyển lên" />
    <userTask id="recommend" name="Hội đồng bỏ phiếu đề nghị" />
    <userTask id="agree" name="Sở Nội vụ thẩm định" />
    <userTask id="approve" name="Chủ tịch UBND tỉnh quyết định" />
    <endEvent id="awarded" />
    <sequenceFlow id="toSubmit" sourceRef="drafting" targetRef="submit" />
    <sequenceFlow id="toForward" sourceRef="submit" targetRef="forward" />
    <sequenceFlow id="toRecommend" sourceRef="forward" targetRef="recommend" />
    <sequenceFlow id="toAgree" sourceRef="recommend" targetRef="agree" />
    <sequenceFlow id="toApprove" sourceRef="agree" targetRef="approve" />
    <sequenceFlow id="toAwarded" sourceRef="approve" targetRef="awarded" />
  </process>
</definitions>`;

const silent: BpmnEngineOptions['Logger'] = () => ({ debug() {}, error() {}, warn() {} });

/** Where the engine waits once it has taken a step: the next user task, or the end of the process. */
function nextStop(engine: Engine, listener: EventEmitter, leaving: string | null): Promise<string> {
  return new Promise((resolve, reject) => {
    // A resumed engine announces again the task it was waiting on: only another one is the next stop.
    listener.on('activity.wait', (api: { id: string }) => api.id !== leaving && resolve(api.id));
    engine.once('end', () => resolve('end'));
    engine.once('error', reject);
  });
}

interface Statement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
}

export class BpmnEnginePeer {
  private readonly db;
  private readonly statements: Record<'begin' | 'commit' | 'rollback' | 'load' | 'insert' | 'save', Statement>;
  private sourceContext: BpmnEngineOptions['sourceContext'];
  /** 'bpmn-engine <version>', as its saved state says, once compiled. */
  engineVersion = 'bpmn-engine';

  constructor(readonly file: string) {
    this.db = openLikeTheApp(file);
    this.db.exec('CREATE TABLE bpmn_instances (id VARCHAR(36) PRIMARY KEY, state TEXT NOT NULL, version INTEGER NOT NULL, waiting VARCHAR(40) NOT NULL)');
    const prepare = (sql: string) => this.db.prepare(sql);
    this.statements = {
      begin: prepare('BEGIN IMMEDIATE'),
      commit: prepare('COMMIT'),
      rollback: prepare('ROLLBACK'),
      load: prepare('SELECT state, version, waiting FROM bpmn_instances WHERE id = ?'),
      insert: prepare('INSERT INTO bpmn_instances (id, state, version, waiting) VALUES (?, ?, 1, ?)'),
      save: prepare('UPDATE bpmn_instances SET state = ?, version = ?, waiting = ? WHERE id = ? AND version = ?'),
    };
  }

  /** Compiles the BPMN source once (bpmn-moddle parse and serialisation); every engine then starts from it. */
  async compile(): Promise<void> {
    const compiler = new Engine({ source: PROPOSAL_BPMN, Logger: silent });
    const [definition] = await compiler.getDefinitions();
    this.sourceContext = definition.context.definitionContext;
    this.engineVersion = `bpmn-engine ${(await compiler.getState()).engineVersion}`;
  }

  private engine(name: string): Engine {
    if (!this.sourceContext) throw new Error('bpmn-engine peer: compile() first');
    return new Engine({ name, sourceContext: this.sourceContext, Logger: silent });
  }

  private async inTransaction<T>(work: () => Promise<T>): Promise<T> {
    this.statements.begin.run();
    try {
      const result = await work();
      this.statements.commit.run();
      return result;
    } catch (error) {
      this.statements.rollback.run();
      throw error;
    }
  }

  /** The creation: an engine run up to its first user task, its state saved. Answers the instance id. */
  async create(actor: Actor, draft: NewProposal): Promise<string> {
    return this.inTransaction(async () => {
      const id = randomUUID();
      const engine = this.engine(id);
      const listener = new EventEmitter();
      const stop = nextStop(engine, listener, null);
      await engine.execute({ listener, variables: { proposal: { proposalId: id, ...draft }, createdBy: actor, createdAt: new Date().toISOString() } });
      const waiting = await stop;
      if (waiting !== BPMN_TASKS[0]) throw new Error(`bpmn-engine peer: a new instance waits at ${waiting}, not ${BPMN_TASKS[0]}`);
      this.statements.insert.run(id, JSON.stringify(lean(await engine.getState())), waiting);
      return id;
    });
  }

  /** One step: recover, resume, signal the waiting task, save the state. Answers where the instance now waits. */
  async signal(id: string, task: string, actor: Actor, request: EventRequest): Promise<string> {
    return this.inTransaction(async () => {
      const row = this.statements.load.get(id) as { state: string; version: number; waiting: string } | undefined;
      if (!row) throw new Error(`bpmn-engine peer: instance ${id} is not there`);
      if (row.waiting !== task) throw new Error(`bpmn-engine peer: instance ${id} waits at ${row.waiting}, not ${task}`);
      const engine = this.engine(id).recover(JSON.parse(row.state) as BpmnEngineExecutionState);
      const listener = new EventEmitter();
      const stop = nextStop(engine, listener, task);
      const execution = await engine.resume({ listener });
      execution.signal({ id: task, actor, at: new Date().toISOString(), ...request });
      const waiting = await stop;
      const saved = this.statements.save.run(JSON.stringify(lean(await engine.getState())), row.version + 1, waiting, id, row.version);
      if (saved.changes !== 1) throw new Error(`bpmn-engine peer: lost the compare-and-set on ${id}`);
      return waiting;
    });
  }

  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  counts(): { ended: number; instances: number; stateBytes: number } {
    return this.db
      .prepare(`SELECT SUM(waiting = 'end') AS ended, COUNT(*) AS instances, COALESCE(AVG(LENGTH(state)), 0) AS stateBytes FROM bpmn_instances`)
      .get() as { ended: number; instances: number; stateBytes: number };
  }

  close(): void {
    this.db.close();
  }
}

/** The state without each definition's source: every engine is given the compiled source (sourceContext). */
function lean(state: BpmnEngineExecutionState): BpmnEngineExecutionState {
  return { ...state, definitions: state.definitions.map(({ source: _source, ...definition }) => definition) };
}
