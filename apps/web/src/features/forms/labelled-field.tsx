import type { ReactNode } from 'react';

/**
 * Form inputs that cannot be left without a visible label: each takes its label text and renders
 * `<label htmlFor>`, a hint and the server's complaint about the field (a 400's field problem), both tied to
 * the input with aria-describedby so that a screen reader reads them with it.
 */
export interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  /** What the server (or the form itself) said is wrong with this field. */
  problem?: string;
}

interface ValueProps {
  value: string;
  onChange(value: string): void;
}

export function described(id: string, hint: ReactNode, problem: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldShell({ id, label, hint, problem, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {problem && (
        <small id={`${id}-problem`} className="field-problem">
          {problem}
        </small>
      )}
    </div>
  );
}

export function TextField({ multiline = false, maxLength, ...props }: FieldProps & ValueProps & { multiline?: boolean; maxLength?: number }) {
  const { id, hint, problem, value, onChange } = props;
  const common = {
    id,
    value,
    maxLength,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': described(id, hint, problem),
  };
  return (
    <FieldShell {...props}>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => onChange(event.target.value)} />
      )}
    </FieldShell>
  );
}

/** A day, YYYY-MM-DD (what `<input type="date">` gives and the API takes), whatever the browser displays. */
export function DateField(props: FieldProps & ValueProps) {
  const { id, hint, problem, value, onChange } = props;
  return (
    <FieldShell {...props}>
      <input
        id={id}
        type="date"
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described(id, hint, problem)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldShell>
  );
}

/** A whole number, zero or more; kept as typed text so that clearing the field means "not given", not 0. */
export function NumberField({ disabled, ...props }: FieldProps & ValueProps & { disabled?: boolean }) {
  const { id, hint, problem, value, onChange } = props;
  return (
    <FieldShell {...props}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        value={value}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described(id, hint, problem)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldShell>
  );
}

export function SelectField<T extends string>({
  options,
  ...props
}: FieldProps & { value: T | ''; onChange(value: T | ''): void; options: readonly { value: T | ''; label: string }[] }) {
  const { id, hint, problem, value, onChange } = props;
  return (
    <FieldShell {...props}>
      <select
        id={id}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described(id, hint, problem)}
        onChange={(event) => onChange(event.target.value as T | '')}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A yes/no fact; the box comes before its label, as people expect of a checkbox. */
export function CheckField({ id, label, hint, problem, checked, onChange }: FieldProps & { checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div className="field field--check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described(id, hint, problem)}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {problem && (
        <small id={`${id}-problem`} className="field-problem">
          {problem}
        </small>
      )}
    </div>
  );
}
