import type { AwardForm } from '#workflows/proposal';
import type { UnitView } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { AWARD_FORM_NAMES, COMMON } from '../../i18n/common.messages.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { NumberField } from './labelled-field.js';
import { MESSAGES } from './new-campaign.messages.js';

/**
 * TH-2's numbers for an anniversary round: what each unit agreed with the home-affairs department, per award
 * form the guidance offers. A campaign cannot be edited after it is created (only its ceremony moves), so
 * this is the one place these numbers can be entered.
 */
export function UnitQuotaFieldset({
  forms,
  values,
  problems,
  onChange,
}: {
  forms: readonly AwardForm[];
  values: Record<string, Partial<Record<AwardForm, string>>>;
  problems: Record<string, string | undefined>;
  onChange(unitId: string, awardForm: AwardForm, value: string): void;
}) {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const api = useApi();
  const units = useResource((signal) => api.get<{ items: UnitView[] }>('/api/units', undefined, signal), 'units');
  return (
    <fieldset>
      <legend>{t.unitQuota}</legend>
      <p className="hint">{t.unitQuotaHint}</p>
      {forms.length === 0 ? (
        <p className="muted">{t.unitQuotaNoForms}</p>
      ) : units.error ? (
        <ErrorView error={units.error} onRetry={units.reload} />
      ) : !units.data ? (
        <p className="muted">{common.loading}</p>
      ) : (
        units.data.items.map((unit) => (
          <div key={unit.id} className="grid-2">
            {forms.map((awardForm) => {
              const id = `campaign-unit-quota-${unit.id}-${awardForm}`;
              return (
                <NumberField
                  key={awardForm}
                  id={id}
                  label={t.unitQuotaField(unit.name, AWARD_FORM_NAMES[lang][awardForm])}
                  value={values[unit.id]?.[awardForm] ?? ''}
                  problem={problems[id]}
                  onChange={(value) => onChange(unit.id, awardForm, value)}
                />
              );
            })}
          </div>
        ))
      )}
    </fieldset>
  );
}
