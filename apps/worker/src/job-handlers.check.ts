import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { DiscoveryService, ModulesContainer } from '@nestjs/core';
import { StartupError } from '#bootstrap';
import { assertOneHandlerPerJob, JOB_QUEUE, JobHandlersError, type DeclaredHandlers } from '#queue';
import { declaredHandlersOf } from './job-handlers.js';

type ProcessorClass = abstract new (...args: never[]) => unknown;

/** Every queue worker host among the providers, with what it declares (a plain `@Processor` declares nothing). */
export function declaredProcessors(classes: Iterable<unknown>): DeclaredHandlers[] {
  const hosts = new Set<ProcessorClass>();
  for (const candidate of classes) {
    if (typeof candidate === 'function' && candidate.prototype instanceof WorkerHost) hosts.add(candidate as ProcessorClass);
  }
  return [...hosts].map((host) => declaredHandlersOf(host) ?? { processor: host.name, queue: undefined, handlers: [] });
}

/**
 * The worker refuses to start unless every job of the registry has exactly one handler. The check runs when
 * this provider is built, that is before any `onModuleInit`: BullModule (a global module, initialised first)
 * starts its workers in its own, and none may take a job that nothing here would handle.
 */
@Injectable()
export class JobHandlersCheck {
  constructor(@Inject(ModulesContainer) modules: ModulesContainer) {
    const classes = new DiscoveryService(modules).getProviders().map((wrapper) => wrapper.metatype);
    try {
      assertOneHandlerPerJob(JOB_QUEUE, declaredProcessors(classes));
    } catch (error) {
      if (error instanceof JobHandlersError) throw new StartupError(`The worker will not start. ${error.message}`);
      throw error;
    }
  }
}
