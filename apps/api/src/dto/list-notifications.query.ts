import { PageQuery } from './page.query.js';

export class ListNotificationsQuery extends PageQuery {}
