import { useId, useState, type KeyboardEvent } from 'react';
import type { NomineeType } from '#workflows/proposal';
import type { Page } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { described, FieldShell } from './labelled-field.js';
import { MESSAGES } from './person-picker.messages.js';
import { useDebouncedValue } from './use-debounced-value.js';

/** A registry entry as GET /api/people lists it (the people registry's PersonBody; only what the form reads). */
export interface RegistryPerson {
  id: string;
  type: NomineeType;
  name: string;
  birthYear: number | null;
  gender: 'male' | 'female' | null;
  title: string | null;
  workplace: string | null;
}

/** Fewer letters than this find half the province. */
const MIN_QUERY = 2;
const DEBOUNCE_MS = 300;

interface NomineeNameFieldProps {
  id: string;
  label: string;
  value: string;
  nomineeType: NomineeType;
  /** The registry entry chosen, if any: then no search runs until the name is edited again. */
  personId: string;
  problem?: string;
  /** The name typed by hand: the form clears the chosen person. */
  onType(name: string): void;
  onChoose(person: RegistryPerson): void;
}

/**
 * The nominee's name, with the people registry's suggestions as the clerk types (GET /api/people?q=…&type=…,
 * debounced): choosing one fills the nominee's details and links the proposal to that person, so the province
 * counts one person once. When the registry cannot be reached the field is a plain name field: the clerk can
 * always type the details, and the server registers the nominee itself on save.
 */
export function NomineeNameField({ id, label, value, nomineeType, personId, problem, onType, onChoose }: NomineeNameFieldProps) {
  const t = useT(MESSAGES);
  const api = useApi();
  const listId = useId();
  const [typed, setTyped] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = typed && !personId && value.trim().length >= MIN_QUERY ? value.trim() : '';
  const settled = useDebouncedValue(query, DEBOUNCE_MS);
  const key = settled ? `${nomineeType}:${settled}` : '';
  const found = useResource<RegistryPerson[]>(
    (signal) =>
      settled
        ? api
            .get<Page<RegistryPerson>>('/api/people', { q: settled, type: nomineeType }, signal)
            // A registry that is not there (yet), or refuses, leaves the clerk a plain name field.
            .then((page) => (Array.isArray(page?.items) ? page.items.slice(0, 8) : []), () => [])
        : Promise.resolve([]),
    key,
  );
  const suggestions = query && settled === query ? (found.data ?? []) : [];
  const expanded = open && suggestions.length > 0;

  const choose = (person: RegistryPerson) => {
    setOpen(false);
    setActive(-1);
    setTyped(false);
    onChoose(person);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!expanded) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => (index + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => (index <= 0 ? suggestions.length - 1 : index - 1));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(suggestions[active]!);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const hint = personId ? t.chosenHint : t.searchHint;
  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <FieldShell id={id} label={label} hint={hint} problem={problem}>
      <div style={{ position: 'relative' }}>
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described(id, hint, problem)}
          maxLength={500}
          value={value}
          data-person-id={personId || undefined}
          onChange={(event) => {
            setTyped(true);
            setOpen(true);
            setActive(-1);
            onType(event.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          style={{ width: '100%' }}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t.suggestions}
          data-testid="person-suggestions"
          hidden={!expanded}
          style={{
            position: 'absolute',
            zIndex: 5,
            left: 0,
            right: 0,
            margin: 0,
            padding: 0,
            listStyle: 'none',
            background: 'var(--paper, #fff)',
            border: '1px solid var(--line, #ccc)',
            borderRadius: 4,
            boxShadow: '0 4px 12px rgba(0,0,0,0.15)',
          }}
        >
          {expanded &&
            suggestions.map((person, index) => (
              <li
                key={person.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                data-person-id={person.id}
                // mousedown, not click: the input's blur would close the list before a click lands.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(person);
                }}
                style={{ padding: '0.4rem 0.6rem', cursor: 'pointer', background: index === active ? 'var(--wash, #eef)' : undefined }}
              >
                <strong>{person.name}</strong>
                {describePerson(person, t) && <span className="muted"> — {describePerson(person, t)}</span>}
              </li>
            ))}
        </ul>
      </div>
    </FieldShell>
  );
}

/** "sinh năm 1985, Nữ, Trưởng phòng, Sở Y tế": what tells two people of one name apart. */
function describePerson(person: RegistryPerson, t: (typeof MESSAGES)['vi']): string {
  return [
    person.birthYear ? t.born(person.birthYear) : null,
    person.gender === 'male' ? t.male : person.gender === 'female' ? t.female : null,
    person.title,
    person.workplace,
  ]
    .filter(Boolean)
    .join(', ');
}
