import { lazy, type ComponentType } from 'react';
import InboxPage from '../features/inbox/inbox.page.js';
import type { PersonRole } from '#kernel';

export interface RouteDef {
  pattern: string;
  page: ComponentType<{ params: Record<string, string> }>;
  /** Who may open it; none listed: anyone signed in. The API decides again; this only hides what it would refuse. */
  roles?: PersonRole[];
}

// Every other screen is its own chunk, so the first screen loads only the shell and the inbox (issue 6:
// < 250 KB gz). The inbox itself is not lazy: a lazy first screen waits for React's Suspense reveal
// throttle (300 ms) before its requests even start, measured in test/web/console-inbox-scale.
export const ROUTES: RouteDef[] = [
  { pattern: '/', page: InboxPage },
  { pattern: '/proposals/new', page: lazy(() => import('../features/forms/new-proposal.page.js')), roles: ['drafter', 'unit_head'] },
  { pattern: '/proposals/:id', page: lazy(() => import('../features/proposal/proposal.page.js')) },
  { pattern: '/proposals/:id/edit', page: lazy(() => import('../features/forms/edit-proposal.page.js')), roles: ['drafter', 'unit_head'] },
  { pattern: '/proposals/:id/replay', page: lazy(() => import('../features/audit/replay.page.js')), roles: ['auditor', 'admin'] },
  { pattern: '/campaigns', page: lazy(() => import('../features/forms/campaigns.page.js')) },
  { pattern: '/campaigns/new', page: lazy(() => import('../features/forms/new-campaign.page.js')), roles: ['home_affairs', 'admin'] },
  { pattern: '/calendar', page: lazy(() => import('../features/calendar/calendar.page.js')) },
  // Anyone signed in: a unit role sees its own unit's numbers, the provincial roles every unit (docs/statistics.md).
  { pattern: '/statistics', page: lazy(() => import('../features/statistics/statistics.page.js')) },
  // Anyone signed in may read the units (as GET /api/units); only the administrator sees the forms (docs/units.md).
  { pattern: '/units', page: lazy(() => import('../features/units/units.page.js')) },
  // Anyone signed in: a unit role sees its unit's people and those its proposals name (docs/architecture.md).
  { pattern: '/people', page: lazy(() => import('../features/people/people.page.js')) },
  { pattern: '/people/:id', page: lazy(() => import('../features/people/person.page.js')) },
  { pattern: '/notifications', page: lazy(() => import('../features/notifications/notifications.page.js')) },
  { pattern: '/audit', page: lazy(() => import('../features/audit/audit.page.js')), roles: ['auditor', 'admin'] },
  { pattern: '/rules/:id', page: lazy(() => import('../features/rules/rule.page.js')) },
  { pattern: '/print/proposals', page: lazy(() => import('../features/inbox/print-list.page.js')) },
];
