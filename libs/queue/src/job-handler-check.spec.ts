import { assertOneHandlerPerJob, JobHandlersError, jobHandlerProblems, type DeclaredHandlers } from './job-handler-check.js';
import { JOB_QUEUE } from './job-registry.js';

const REGISTRY = { 'thing.made': 'things', 'thing.sold': 'things', 'bill.sent': 'bills' };

const things = (...handlers: [job: string, method: string][]): DeclaredHandlers => ({
  processor: 'ThingsProcessor',
  queue: 'things',
  handlers: handlers.map(([job, method]) => ({ job, method })),
});
const bills: DeclaredHandlers = { processor: 'BillsProcessor', queue: 'bills', handlers: [{ job: 'bill.sent', method: 'sent' }] };

const problemsOf = (processors: DeclaredHandlers[]) => {
  try {
    assertOneHandlerPerJob(REGISTRY, processors);
  } catch (error) {
    expect(error).toBeInstanceOf(JobHandlersError);
    return error as JobHandlersError;
  }
  throw new Error('expected the check to throw');
};

describe('one handler per job', () => {
  it('passes when every job of the registry has exactly one handler on its queue', () => {
    expect(jobHandlerProblems(REGISTRY, [things(['thing.made', 'made'], ['thing.sold', 'sold']), bills])).toEqual([]);
    expect(() => assertOneHandlerPerJob(REGISTRY, [things(['thing.made', 'made'], ['thing.sold', 'sold']), bills])).not.toThrow();
  });

  it('throws naming the job that has no handler', () => {
    const error = problemsOf([things(['thing.made', 'made']), bills]);
    expect(error.problems).toEqual(['no handler for thing.sold']);
    expect(error.message).toBe('Every job of the registry needs exactly one handler: no handler for thing.sold');
  });

  it('names every job without a handler in one line', () => {
    expect(problemsOf([things(['thing.made', 'made'])]).problems).toEqual(['no handler for thing.sold, bill.sent']);
  });

  it('throws naming the job that has two handlers, and where they are', () => {
    const twice = { processor: 'OtherThingsProcessor', queue: 'things', handlers: [{ job: 'thing.sold', method: 'alsoSold' }] };
    const error = problemsOf([things(['thing.made', 'made'], ['thing.sold', 'sold']), twice, bills]);
    expect(error.problems).toEqual(['thing.sold has 2 handlers (ThingsProcessor.sold, OtherThingsProcessor.alsoSold)']);
    expect(error.message).toContain('thing.sold');
  });

  it('counts two methods of one processor for the same job as two handlers', () => {
    const error = problemsOf([things(['thing.made', 'made'], ['thing.made', 'madeAgain'], ['thing.sold', 'sold']), bills]);
    expect(error.problems).toEqual(['thing.made has 2 handlers (ThingsProcessor.made, ThingsProcessor.madeAgain)']);
  });

  it('reports a missing and a doubled job together', () => {
    const error = problemsOf([things(['thing.made', 'made'], ['thing.made', 'again']), bills]);
    expect(error.problems).toEqual(['no handler for thing.sold', 'thing.made has 2 handlers (ThingsProcessor.made, ThingsProcessor.again)']);
  });

  it('refuses a handler on a processor of another queue: its worker would never see the job', () => {
    const misplaced = { processor: 'BillsProcessor', queue: 'bills', handlers: [{ job: 'bill.sent', method: 'sent' }, { job: 'thing.sold', method: 'sold' }] };
    expect(problemsOf([things(['thing.made', 'made']), misplaced]).problems).toEqual([
      'thing.sold is handled by BillsProcessor.sold on queue bills, but the registry puts it on things',
    ]);
  });

  it('refuses a handler for a job the registry does not know, and a processor that handles nothing', () => {
    const idle: DeclaredHandlers = { processor: 'IdleProcessor', queue: 'things', handlers: [] };
    expect(problemsOf([things(['thing.made', 'made'], ['thing.sold', 'sold'], ['thing.lost', 'lost']), bills, idle]).problems).toEqual([
      'ThingsProcessor.lost handles thing.lost, which is not in the job registry',
      'IdleProcessor consumes things but handles no job',
    ]);
  });

  it('reads the real registry as job name → queue', () => {
    expect(jobHandlerProblems(JOB_QUEUE, [])[0]).toBe(`no handler for ${Object.keys(JOB_QUEUE).join(', ')}`);
  });
});
