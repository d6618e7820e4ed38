import type { RuleId } from '#rules';
import { Link } from '../router/router.js';

/** A rule ID as officials cite it, opening the rule's text. */
export function RuleLink({ rule }: { rule: RuleId | string }) {
  return (
    <Link to={`/rules/${rule}`} className="rule-id" data-rule={rule}>
      {rule}
    </Link>
  );
}
