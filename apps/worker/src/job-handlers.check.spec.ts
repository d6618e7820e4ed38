import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { UnrecoverableError, type Job } from 'bullmq';
import { StartupError } from '#bootstrap';
import type { AppConfig } from '#config';
import { JOB_QUEUE, jobHandlerProblems, QUEUES, type JobName, type JobRegistry } from '#queue';
import { declaredProcessors, JobHandlersCheck } from './job-handlers.check.js';
import { dispatchJob, HandlesJob, JobProcessor } from './job-handlers.js';
import { QuietWorkerHost } from './quiet-worker-host.js';
import { WorkerModule } from './worker.module.js';

@JobProcessor(QUEUES.domainEvents)
class EventsOnly extends QuietWorkerHost {
  process(job: Job): Promise<unknown> {
    return dispatchJob(this, job);
  }

  @HandlesJob('proposal.created')
  created(job: Job<JobRegistry['proposal.created']>) {
    return Promise.resolve({ created: job.data.proposalId });
  }

  @HandlesJob('proposal.transitioned')
  transitioned(job: Job<JobRegistry['proposal.transitioned']>) {
    return Promise.resolve({ moved: job.data.to });
  }
}

@JobProcessor(QUEUES.domainEvents)
class EventsAgain extends QuietWorkerHost {
  process(job: Job): Promise<unknown> {
    return dispatchJob(this, job);
  }

  @HandlesJob('proposal.created')
  createdAgain() {
    return Promise.resolve();
  }
}

const startWith = (...providers: (new (...args: never[]) => unknown)[]) =>
  Test.createTestingModule({ providers: [JobHandlersCheck, ...providers] }).compile();

const jobNamed = (name: string, data: object = {}) => ({ name, data }) as unknown as Job;

describe('the worker\'s job handlers', () => {
  it('cover the job registry one to one: every job has exactly one processor method, on its queue', () => {
    const providers = WorkerModule.forRoot({} as AppConfig).providers ?? [];
    const processors = declaredProcessors(providers);
    expect(processors.map((processor) => processor.processor).sort()).toEqual([
      'AuditCheckpointsProcessor',
      'DeadlineMaintenanceProcessor',
      'DeadlineTimersProcessor',
      'DomainEventsProcessor',
      'NoticeDeliveriesProcessor',
    ]);
    expect(jobHandlerProblems(JOB_QUEUE, processors)).toEqual([]);
    const handled = processors.flatMap((processor) => processor.handlers.map((handler) => handler.job)).sort();
    expect(handled).toEqual((Object.keys(JOB_QUEUE) as JobName[]).sort());
  });

  it('let the worker module build when they do', async () => {
    const processors = WorkerModule.forRoot({} as AppConfig).providers!.filter((provider) => declaredProcessors([provider]).length > 0);
    expect(processors).toHaveLength(5);
    // The processors' own dependencies are stand-ins: what is built here is the check, over the real classes.
    const module = await Test.createTestingModule({ providers: [JobHandlersCheck, ...(processors as never[])] })
      .useMocker(() => ({}))
      .compile();
    expect(module.get(JobHandlersCheck)).toBeInstanceOf(JobHandlersCheck);
  });
});

describe('the start-up check', () => {
  it('refuses to start, naming every job that has no handler', async () => {
    const refusal = startWith(EventsOnly);
    await expect(refusal).rejects.toBeInstanceOf(StartupError);
    const missing = (Object.keys(JOB_QUEUE) as JobName[]).filter((job) => !job.startsWith('proposal.'));
    await expect(startWith(EventsOnly)).rejects.toThrow(`no handler for ${missing.join(', ')}`);
  });

  it('stops an application context the way createWorkerApp makes one, with the one-line StartupError', async () => {
    @Module({ providers: [JobHandlersCheck, EventsOnly] })
    class Incomplete {}
    const start = NestFactory.createApplicationContext(Incomplete, { logger: false, abortOnError: false });
    await expect(start).rejects.toBeInstanceOf(StartupError);
    await expect(start).rejects.toThrow(/^The worker will not start\. Every job of the registry needs exactly one handler: no handler for deadline\.fire/);
  });

  it('refuses to start, naming a job that has two handlers', async () => {
    await expect(startWith(EventsOnly, EventsAgain)).rejects.toThrow(
      'proposal.created has 2 handlers (EventsOnly.created, EventsAgain.createdAgain)',
    );
  });

  it('counts a worker host that declares nothing as a processor that handles no job', () => {
    class Undeclared extends QuietWorkerHost {
      process(): Promise<unknown> {
        return Promise.resolve();
      }
    }
    expect(declaredProcessors([Undeclared, EventsOnly, 'not a class', null])).toEqual([
      { processor: 'Undeclared', queue: undefined, handlers: [] },
      {
        processor: 'EventsOnly',
        queue: QUEUES.domainEvents,
        handlers: [
          { job: 'proposal.created', method: 'created' },
          { job: 'proposal.transitioned', method: 'transitioned' },
        ],
      },
    ]);
  });
});

describe('dispatching a job by its name', () => {
  const processor = new EventsOnly();

  it('runs the method declared for the name', async () => {
    await expect(dispatchJob(processor, jobNamed('proposal.created', { proposalId: 'p-1' }))).resolves.toEqual({ created: 'p-1' });
    await expect(dispatchJob(processor, jobNamed('proposal.transitioned', { to: 'drafting' }))).resolves.toEqual({ moved: 'drafting' });
  });

  it('fails a job without a handler for good, rather than run another job\'s handler', async () => {
    const refusal = dispatchJob(processor, jobNamed('notice.email'));
    await expect(refusal).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(dispatchJob(processor, jobNamed('notice.email'))).rejects.toThrow('EventsOnly has no handler for job notice.email');
  });
});
