/** What one processor declares: the queue its worker consumes and the job names its methods handle. */
export interface DeclaredHandlers {
  /** The processor's name, for the message (its class name). */
  processor: string;
  /** The queue its worker consumes; undefined when it declares none. */
  queue: string | undefined;
  /** One entry per handler: a job name that appears twice is two handlers. */
  handlers: readonly { job: string; method: string }[];
}

/** The worker's handlers do not cover the job registry one to one: it must not start. */
export class JobHandlersError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Every job of the registry needs exactly one handler: ${problems.join('; ')}`);
    this.name = 'JobHandlersError';
  }
}

/**
 * Compares the handlers the processors declare with the registry (job name → queue): every job has exactly
 * one handler, on a processor of the queue the registry puts it on, and no handler is for a job the registry
 * does not know. Returns one line per problem, naming the jobs; none when the worker may start.
 */
export function jobHandlerProblems(registry: Readonly<Record<string, string>>, processors: readonly DeclaredHandlers[]): string[] {
  const declared = processors.flatMap((processor) =>
    processor.handlers.map((handler) => ({ ...handler, queue: processor.queue, at: `${processor.processor}.${handler.method}` })),
  );
  const missing: string[] = [];
  const problems: string[] = [];
  for (const [job, queue] of Object.entries(registry)) {
    const handlers = declared.filter((handler) => handler.job === job);
    if (handlers.length === 0) missing.push(job);
    else if (handlers.length > 1) problems.push(`${job} has ${handlers.length} handlers (${handlers.map((handler) => handler.at).join(', ')})`);
    else if (handlers[0]!.queue !== queue) {
      problems.push(`${job} is handled by ${handlers[0]!.at} on queue ${handlers[0]!.queue ?? '(none)'}, but the registry puts it on ${queue}`);
    }
  }
  if (missing.length > 0) problems.unshift(`no handler for ${missing.join(', ')}`);
  for (const handler of declared) {
    if (!Object.hasOwn(registry, handler.job)) problems.push(`${handler.at} handles ${handler.job}, which is not in the job registry`);
  }
  for (const processor of processors) {
    if (processor.handlers.length === 0) problems.push(`${processor.processor} consumes ${processor.queue ?? 'a queue'} but handles no job`);
  }
  return problems;
}

/** Throws a JobHandlersError naming every job without a handler or with more than one. */
export function assertOneHandlerPerJob(registry: Readonly<Record<string, string>>, processors: readonly DeclaredHandlers[]): void {
  const problems = jobHandlerProblems(registry, processors);
  if (problems.length > 0) throw new JobHandlersError(problems);
}
