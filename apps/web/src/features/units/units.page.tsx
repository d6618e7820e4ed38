import { useMemo, useState } from 'react';
import { CLUSTER_KINDS, UNIT_CHANGE_KINDS, UNIT_TYPES, type ClusterBody, type ClusterKind, type UnitBody, type UnitChangeKind, type UnitType } from '#contracts';
import { foldVietnamese } from '#kernel';
import { useResource } from '../../api/use-resource.js';
import { COMMON } from '../../i18n/common.messages.js';
import { formatDay, useLang, useT } from '../../i18n/i18n.js';
import { Link } from '../../router/router.js';
import { holdsAny } from '../../session/session-token.js';
import { useApi, useSession } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { useFormSubmit } from '../../ui/use-form-submit.js';
import { problemTextsByField } from '../forms/field-problems.js';
import { DateField, SelectField, TextField } from '../forms/labelled-field.js';
import { describeEntry, nameOnDay, type Directory } from './unit-history.js';
import { forgetUnitNames, UnitNameOf } from './unit-name.js';
import { CHANGE_KIND_NAMES, CLUSTER_KIND_NAMES, UNIT_TYPE_NAMES, UNITS_MESSAGES } from './units.messages.js';

type Saved = { message: string } | null;

/**
 * The province's units (route /units, docs/units.md): grouped by emulation cluster or bloc, with each unit's
 * type and its history in plain words; the units merged or dissolved last. The administrator registers
 * clusters and units here and records a change (rename, merge, dissolution, type or cluster) effective from a
 * day, citing its document. Everyone else reads.
 */
export default function UnitsPage() {
  const t = useT(UNITS_MESSAGES);
  const common = useT(COMMON);
  const api = useApi();
  const { user } = useSession();
  const isAdmin = holdsAny(user, 'admin');
  const units = useResource((signal) => api.get<{ items: UnitBody[] }>('/api/units', undefined, signal), 'units');
  const clusters = useResource((signal) => api.get<{ items: ClusterBody[] }>('/api/clusters', undefined, signal), 'clusters');
  const [query, setQuery] = useState('');
  const [saved, setSaved] = useState<Saved>(null);

  const loadAgain = () => {
    units.reload();
    clusters.reload();
  };
  const reload = (message: string, unitChanged = false) => {
    // The names other pages show come from the same list: a change recorded here is read there too.
    if (unitChanged) forgetUnitNames();
    setSaved({ message });
    loadAgain();
  };

  const directory: Directory | null = useMemo(
    () =>
      units.data && clusters.data
        ? { units: new Map(units.data.items.map((u) => [u.id, u])), clusters: new Map(clusters.data.items.map((c) => [c.id, c])) }
        : null,
    [units.data, clusters.data],
  );

  const error = units.error ?? clusters.error;
  return (
    <>
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      {saved && (
        <p className="notice-ok" role="status">
          {saved.message}
        </p>
      )}
      {isAdmin && clusters.data && units.data && (
        <div className="units-admin">
          {/* Folded, so that the list comes first; the administrator opens the one needed. */}
          <details className="card" data-testid="new-cluster">
            <summary>{t.newCluster}</summary>
            <NewClusterForm onSaved={(name) => reload(t.clusterCreated(name))} />
          </details>
          <details className="card" data-testid="new-unit">
            <summary>{t.newUnit}</summary>
            <NewUnitForm clusters={clusters.data.items} onSaved={(name) => reload(t.unitCreated(name))} />
          </details>
        </div>
      )}
      <div className="field units-search">
        <label htmlFor="units-search">{t.search}</label>
        <input id="units-search" type="search" value={query} aria-describedby="units-search-hint" onChange={(event) => setQuery(event.target.value)} />
        <small id="units-search-hint" className="hint">
          {t.searchHint}
        </small>
      </div>
      {error ? (
        <ErrorView error={error} onRetry={loadAgain} />
      ) : !directory ? (
        <p aria-busy="true">{common.loading}</p>
      ) : (
        <UnitGroups directory={directory} query={query} isAdmin={isAdmin} onChanged={(name) => reload(t.changeSaved(name), true)} />
      )}
    </>
  );
}

function UnitGroups({
  directory,
  query,
  isAdmin,
  onChanged,
}: {
  directory: Directory;
  query: string;
  isAdmin: boolean;
  onChanged(name: string, unitId: string): void;
}) {
  const t = useT(UNITS_MESSAGES);
  const { lang } = useLang();
  const all = [...directory.units.values()];
  if (all.length === 0) return <p className="muted">{t.empty}</p>;
  const needle = foldVietnamese(query);
  const shown = all
    .filter((unit) => !needle || foldVietnamese(`${unit.name} ${unit.code} ${unit.history.map((e) => e.previousName ?? '').join(' ')}`).includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  if (shown.length === 0) return <p className="muted">{t.noMatch}</p>;

  const live = shown.filter((unit) => !unit.dissolvedOn);
  const groups: { key: string; title: string; units: UnitBody[] }[] = [...directory.clusters.values()]
    .map((cluster) => ({
      key: cluster.id,
      title: t.cluster(CLUSTER_KIND_NAMES[lang][cluster.kind], cluster.name),
      units: live.filter((unit) => unit.clusterId === cluster.id),
    }))
    .filter((group) => group.units.length > 0);
  const loose = live.filter((unit) => !unit.clusterId || !directory.clusters.has(unit.clusterId));
  if (loose.length > 0) groups.push({ key: 'none', title: t.noCluster, units: loose });
  const former = shown.filter((unit) => unit.dissolvedOn);
  if (former.length > 0) groups.push({ key: 'former', title: t.former, units: former });

  return (
    <>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`units-group-${group.key}`} data-testid={`units-group-${group.key}`}>
          <h2 id={`units-group-${group.key}`} className="inbox-section-heading">
            {group.title} <span className="muted">({group.units.length})</span>
          </h2>
          <ul className="unit-list" style={{ listStyle: 'none', padding: 0 }}>
            {group.units.map((unit) => (
              <UnitCard key={unit.id} unit={unit} directory={directory} isAdmin={isAdmin} onChanged={onChanged} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function UnitCard({ unit, directory, isAdmin, onChanged }: { unit: UnitBody; directory: Directory; isAdmin: boolean; onChanged(name: string, unitId: string): void }) {
  const t = useT(UNITS_MESSAGES);
  const { lang } = useLang();
  const [recording, setRecording] = useState(false);
  const successor = unit.successorId ? directory.units.get(unit.successorId) : undefined;
  const predecessors = [...directory.units.values()].filter((other) => other.successorId === unit.id && other.dissolvedOn);
  return (
    <li className="card unit-card" data-testid={`unit-${unit.code}`}>
      <h3 className="unit-card__name">
        {unit.name} <span className="badge badge--state">{UNIT_TYPE_NAMES[lang][unit.type]}</span>
      </h3>
      {unit.dissolvedOn && (
        <p className="unit-card__end">
          <strong>
            {successor ? t.mergedBadge(nameOnDay(successor, unit.dissolvedOn), formatDay(unit.dissolvedOn, lang)) : t.dissolvedBadge(formatDay(unit.dissolvedOn, lang))}
          </strong>
          {unit.current.id !== unit.id && unit.current.id !== unit.successorId && <> ({t.nowIs(unit.current.name)})</>}
        </p>
      )}
      {predecessors.length > 0 && (
        <div className="unit-card__merged" data-testid={`unit-${unit.code}-predecessors`}>
          <p>{t.predecessors}</p>
          <ul>
            {predecessors.map((predecessor) => (
              <li key={predecessor.id}>
                {/* As its old proposals name it: the name it had the day before it ended, and what it is now. */}
                <UnitNameOf unit={predecessor} on={dayBefore(predecessor.dissolvedOn!)} />{' '}
                <Link to={`/?unitId=${encodeURIComponent(predecessor.id)}&all=true`}>{t.proposalsOf}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <h4 className="unit-card__history">{t.history}</h4>
      {unit.history.length === 0 ? (
        <p className="muted">{t.noHistory}</p>
      ) : (
        <ol className="unit-timeline">
          {unit.history.map((entry) => (
            <li key={entry.seq}>{describeEntry(entry, directory, lang)}</li>
          ))}
        </ol>
      )}
      {isAdmin && !unit.dissolvedOn && (
        <>
          {!recording && (
            <button type="button" onClick={() => setRecording(true)} aria-label={t.recordChangeOf(unit.name)}>
              {t.recordChange}
            </button>
          )}
          {recording && (
            <ChangeForm
              unit={unit}
              directory={directory}
              onCancel={() => setRecording(false)}
              onSaved={() => {
                setRecording(false);
                onChanged(unit.name, unit.id);
              }}
            />
          )}
        </>
      )}
    </li>
  );
}

function NewClusterForm({ onSaved }: { onSaved(name: string): void }) {
  const t = useT(UNITS_MESSAGES);
  const { lang } = useLang();
  const api = useApi();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ClusterKind | ''>('cum');
  const { submit, busy, error } = useFormSubmit(async () => {
    await api.post('/api/clusters', { name: name.trim(), kind });
    setName('');
    onSaved(name.trim());
  });
  const problems = problemTextsByField(error, lang);

  return (
    <form onSubmit={submit} aria-label={t.newCluster}>
      <TextField id="cluster-name" label={t.clusterName} value={name} onChange={setName} problem={problems.name} maxLength={500} />
      <SelectField<ClusterKind>
        id="cluster-kind"
        label={t.clusterKind}
        value={kind}
        onChange={setKind}
        options={CLUSTER_KINDS.map((value) => ({ value, label: CLUSTER_KIND_NAMES[lang][value] }))}
      />
      <ErrorView error={error} />
      <button type="submit" disabled={busy || !name.trim()}>
        {t.createCluster}
      </button>
    </form>
  );
}

function NewUnitForm({ clusters, onSaved }: { clusters: ClusterBody[]; onSaved(name: string): void }) {
  const t = useT(UNITS_MESSAGES);
  const { lang } = useLang();
  const api = useApi();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState<UnitType | ''>('');
  const [clusterId, setClusterId] = useState('');
  const { submit, busy, error } = useFormSubmit(async () => {
    await api.post('/api/units', { code: code.trim(), name: name.trim(), ...(type ? { type } : {}), ...(clusterId ? { clusterId } : {}) });
    setCode('');
    setName('');
    setType('');
    setClusterId('');
    onSaved(name.trim());
  });
  const problems = problemTextsByField(error, lang);

  return (
    <form onSubmit={submit} aria-label={t.newUnit}>
      <TextField id="unit-name" label={t.name} value={name} onChange={setName} problem={problems.name} maxLength={500} />
      <TextField id="unit-code" label={t.code} hint={t.codeHint} value={code} onChange={setCode} problem={problems.code} maxLength={64} />
      <SelectField<UnitType>
        id="unit-type"
        label={t.type}
        value={type}
        onChange={setType}
        problem={problems.type}
        options={[{ value: '' as const, label: t.typeFromName }, ...UNIT_TYPES.map((value) => ({ value, label: UNIT_TYPE_NAMES[lang][value] }))]}
      />
      <SelectField
        id="unit-cluster"
        label={t.clusterOfUnit}
        value={clusterId}
        onChange={setClusterId}
        problem={problems.clusterId}
        options={[{ value: '', label: t.none }, ...clusters.map((cluster) => ({ value: cluster.id, label: `${CLUSTER_KIND_NAMES[lang][cluster.kind]}: ${cluster.name}` }))]}
      />
      <ErrorView error={error} />
      <button type="submit" disabled={busy || !name.trim() || !code.trim()}>
        {t.createUnit}
      </button>
    </form>
  );
}

const NO_CLUSTER = 'none';

/** The day before an ISO day: the last day a merged unit existed. */
function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function ChangeForm({ unit, directory, onCancel, onSaved }: { unit: UnitBody; directory: Directory; onCancel(): void; onSaved(): void }) {
  const t = useT(UNITS_MESSAGES);
  const { lang } = useLang();
  const api = useApi();
  const [kind, setKind] = useState<UnitChangeKind | ''>('renamed');
  const [from, setFrom] = useState('');
  const [name, setName] = useState('');
  const [successorId, setSuccessorId] = useState('');
  const [type, setType] = useState<UnitType | ''>('');
  const [clusterId, setClusterId] = useState('');
  const [documentKind, setDocumentKind] = useState(lang === 'vi' ? 'Nghị quyết' : '');
  const [documentRef, setDocumentRef] = useState('');
  const [documentDate, setDocumentDate] = useState('');
  const { submit, busy, error } = useFormSubmit(async () => {
    const fields =
      kind === 'renamed'
        ? { name: name.trim() }
        : kind === 'merged_into'
          ? { successorId }
          : kind === 'type_changed'
            ? { type }
            : kind === 'cluster_changed'
              ? { clusterId: clusterId === NO_CLUSTER ? null : clusterId }
              : {};
    await api.post(`/api/units/${encodeURIComponent(unit.id)}/changes`, {
      kind,
      from,
      document: { ref: documentRef.trim(), issuedAt: documentDate, kind: documentKind.trim() || null },
      ...fields,
    });
    onSaved();
  });
  const problems = problemTextsByField(error, lang);
  const id = (field: string) => `change-${unit.id}-${field}`;

  const others = [...directory.units.values()].filter((other) => other.id !== unit.id && !other.dissolvedOn).sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  const ready =
    !!kind &&
    !!from &&
    !!documentRef.trim() &&
    !!documentDate &&
    (kind !== 'renamed' || !!name.trim()) &&
    (kind !== 'merged_into' || !!successorId) &&
    (kind !== 'type_changed' || !!type) &&
    (kind !== 'cluster_changed' || !!clusterId);

  return (
    <form className="unit-change" onSubmit={submit} aria-label={t.recordChangeOf(unit.name)}>
      <SelectField<UnitChangeKind>
        id={id('kind')}
        label={t.changeKind}
        value={kind}
        onChange={setKind}
        options={UNIT_CHANGE_KINDS.map((value) => ({ value, label: CHANGE_KIND_NAMES[lang][value] }))}
      />
      {kind === 'renamed' && <TextField id={id('name')} label={t.newName} value={name} onChange={setName} problem={problems.name} maxLength={500} />}
      {kind === 'merged_into' && (
        <SelectField
          id={id('successor')}
          label={t.successor}
          value={successorId}
          onChange={setSuccessorId}
          problem={problems.successorId}
          options={[{ value: '', label: t.choose }, ...others.map((other) => ({ value: other.id, label: other.name }))]}
        />
      )}
      {kind === 'type_changed' && (
        <SelectField<UnitType>
          id={id('type')}
          label={t.newType}
          value={type}
          onChange={setType}
          problem={problems.type}
          options={[{ value: '' as const, label: t.choose }, ...UNIT_TYPES.map((value) => ({ value, label: UNIT_TYPE_NAMES[lang][value] }))]}
        />
      )}
      {kind === 'cluster_changed' && (
        <SelectField
          id={id('cluster')}
          label={t.newCluster2}
          value={clusterId}
          onChange={setClusterId}
          problem={problems.clusterId}
          options={[
            { value: '', label: t.choose },
            { value: NO_CLUSTER, label: t.none },
            ...[...directory.clusters.values()].map((cluster) => ({ value: cluster.id, label: `${CLUSTER_KIND_NAMES[lang][cluster.kind]}: ${cluster.name}` })),
          ]}
        />
      )}
      <DateField id={id('from')} label={t.from} value={from} onChange={setFrom} problem={problems.from} />
      <TextField id={id('document-kind')} label={t.documentKind} hint={t.documentKindHint} value={documentKind} onChange={setDocumentKind} problem={problems['document.kind']} maxLength={100} />
      <TextField id={id('document-ref')} label={t.documentRef} value={documentRef} onChange={setDocumentRef} problem={problems['document.ref']} maxLength={100} />
      <DateField id={id('document-date')} label={t.documentDate} value={documentDate} onChange={setDocumentDate} problem={problems['document.issuedAt']} />
      <ErrorView error={error} />
      <p className="actions">
        <button type="submit" disabled={busy || !ready}>
          {t.save}
        </button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </p>
    </form>
  );
}
