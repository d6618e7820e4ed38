/**
 * The HTTP contract as the console reads it (docs/architecture.md, "HTTP contract"): imported from libs/contracts
 * (`#contracts`), which the server's views and controllers are held to as well, under the names the screens use.
 * Nothing is written out here: a field the server changes is changed there, and the console follows or fails to compile.
 */
export type {
  CalendarYear,
  CampaignQuotaBody as CampaignQuota,
  CampaignViewBody as CampaignView,
  Deadline,
  DemoUserBody as DemoUser,
  Finding,
  HistoryEventBody as HistoryEvent,
  InboxNoticeBody as InboxNotice,
  InboxPageBody as InboxPage,
  MachineGraph,
  Page,
  ProposalDeadlineBody as ProposalDeadline,
  ProposalDetailBody as ProposalDetail,
  ProposalViewBody as ProposalView,
  UnitBody as UnitView,
} from '#contracts';
