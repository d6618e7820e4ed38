import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import type { DeclaredHandlers, JobName, JobRegistry, QueueName } from '#queue';

/**
 * How a processor says which jobs it handles, so that jobs are dispatched by name and the start-up check
 * (job-handlers.check.ts) can see, before any worker runs, that every job of the registry has exactly one
 * handler. A processor is a `@JobProcessor(queue)` class whose `process` calls `dispatchJob`, with one
 * `@HandlesJob(name)` method per job name.
 */

/** @Processor's worker options (the package does not export their type by name). */
type NestWorkerOptions = Parameters<typeof Processor>[1];

interface Declaration {
  queue?: QueueName;
  /** Job name → the methods declared for it (more than one is refused at start-up, and by `dispatchJob`). */
  handlers: Map<string, string[]>;
}

const declarations = new WeakMap<object, Declaration>();

function declarationOf(processorClass: object): Declaration {
  let declaration = declarations.get(processorClass);
  if (!declaration) {
    declaration = { handlers: new Map() };
    declarations.set(processorClass, declaration);
  }
  return declaration;
}

/** `@Processor(queue, workerOptions)`, with the queue kept where the start-up check can read it. */
export function JobProcessor(queue: QueueName, workerOptions?: NestWorkerOptions): ClassDecorator {
  const processor = workerOptions ? Processor(queue, workerOptions) : Processor(queue);
  return (target) => {
    processor(target);
    declarationOf(target).queue = queue;
  };
}

/** The method handles jobs named `name`: it takes that job, with the registry's payload for it. */
export function HandlesJob<N extends JobName>(name: N) {
  return <M extends (job: Job<JobRegistry[N], any, N>) => unknown>(
    target: object,
    method: string | symbol,
    _descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    const handlers = declarationOf(target.constructor).handlers;
    handlers.set(name, [...(handlers.get(name) ?? []), String(method)]);
  };
}

/** What a processor class declares, for the start-up check; undefined for a class that declares nothing. */
export function declaredHandlersOf(processorClass: abstract new (...args: never[]) => unknown): DeclaredHandlers | undefined {
  const declaration = declarations.get(processorClass);
  if (!declaration) return undefined;
  return {
    processor: processorClass.name,
    queue: declaration.queue,
    handlers: [...declaration.handlers].flatMap(([job, methods]) => methods.map((method) => ({ job, method }))),
  };
}

/**
 * Runs the one method of `processor` declared for the job's name. A name without one (a job added by hand, or
 * by a producer newer than this worker) fails without retries rather than being run by the wrong handler.
 */
export async function dispatchJob(processor: object, job: Job): Promise<unknown> {
  const methods = declarations.get(processor.constructor)?.handlers.get(job.name) ?? [];
  if (methods.length !== 1) {
    throw new UnrecoverableError(`${processor.constructor.name} has ${methods.length === 0 ? 'no handler' : `${methods.length} handlers`} for job ${job.name}`);
  }
  const handler: unknown = Reflect.get(processor, methods[0]!);
  if (typeof handler !== 'function') throw new UnrecoverableError(`${processor.constructor.name}.${methods[0]} is not a method`);
  return handler.call(processor, job);
}
