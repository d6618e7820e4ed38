import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock, SystemClock } from '#kernel';
import type { AppConfig } from './app-config.js';

/** DI token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Configuration is read and validated once, before Nest starts, and handed in here, with the clock: where time
 * comes from is part of the environment a process starts in, decided once for every module (the system clock,
 * unless a test starts the application on another day).
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}
