import { useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Field, Select } from "../ui/Field";
import { ErrorView, FormProblem, Loading } from "../ui/States";
import { formatInstant, formatPercent, formatPoints } from "../ui/format";
import { formatFine } from "../treasury/money";
import { Pager, usePage } from "../treasury/Pager";
import {
  useAdopt,
  useCurrentEquation,
  useSimulate,
  type Equation,
  type EquationBody,
  type Simulation,
} from "./queries";

interface Rule {
  kind: string;
  unit: string;
  rate: string;
  multiplier: string;
}

const units = ["hour", "point", "money"] as const;
const classes = ["founder", "labour", "user", "investor"] as const;

interface Draft {
  rules: Rule[];
  halfLifeDays: string;
  weights: Record<string, string>;
}

function draftOf(equation: Equation | null): Draft {
  const rules = equation
    ? Object.entries(equation.rules).map(([kind, r]) => ({ kind, ...r }))
    : [{ kind: "work", unit: "hour", rate: "1", multiplier: "1" }];
  const weights = Object.fromEntries(classes.map((c) => [c, equation?.classWeights?.[c] ?? ""]));
  return { rules, halfLifeDays: equation?.halfLifeDays ? String(equation.halfLifeDays) : "", weights };
}

function bodyOf(draft: Draft, equation: Equation | null): EquationBody {
  const weights = Object.entries(draft.weights).filter(([, w]) => w.trim() !== "");
  return {
    rules: Object.fromEntries(
      draft.rules.map((r) => [r.kind.trim(), { unit: r.unit, rate: r.rate, multiplier: r.multiplier }]),
    ),
    halfLifeDays: draft.halfLifeDays.trim() === "" ? null : Number(draft.halfLifeDays),
    classWeights: weights.length === 0 ? null : Object.fromEntries(weights),
    // Per-project rules are not edited here; the version adopted keeps the ones in force.
    projectOverrides: equation?.projectOverrides ?? null,
  };
}

function RuleRow({
  rule,
  error,
  onChange,
  onRemove,
}: {
  rule: Rule;
  error: unknown;
  onChange: (r: Rule) => void;
  onRemove: () => void;
}) {
  const field = `rules.${rule.kind}`;
  return (
    <fieldset>
      <legend>Rule: {rule.kind || "new"}</legend>
      <div className="row">
        <Field
          label="Kind"
          field={field}
          error={error}
          value={rule.kind}
          onChange={(e) => onChange({ ...rule, kind: e.target.value })}
        />
        <Select
          label="Unit"
          field={`${field}.unit`}
          error={error}
          value={rule.unit}
          onChange={(e) => onChange({ ...rule, unit: e.target.value })}
        >
          {units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </Select>
        <Field
          label={`Rate (${rule.kind || "new"})`}
          field={`${field}.rate`}
          error={error}
          inputMode="decimal"
          value={rule.rate}
          onChange={(e) => onChange({ ...rule, rate: e.target.value })}
        />
        <Field
          label={`Multiplier (${rule.kind || "new"})`}
          field={`${field}.multiplier`}
          error={error}
          inputMode="decimal"
          value={rule.multiplier}
          onChange={(e) => onChange({ ...rule, multiplier: e.target.value })}
        />
      </div>
      <button type="button" className="secondary" onClick={onRemove}>
        Remove the {rule.kind || "new"} rule
      </button>
    </fieldset>
  );
}

function WhatIf({ simulation }: { simulation: Simulation }) {
  const { rows, page, pages, setPage } = usePage(simulation.members, 50);
  const version = simulation.currentVersion ?? "default";
  return (
    <>
      <p data-testid="what-if-totals">
        What if: {formatPoints(simulation.proposedTotalPoints)} points in all under the proposal, against{" "}
        {formatPoints(simulation.currentTotalPoints)} today (version {version}), as of {formatInstant(simulation.asOf)}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="What if, scrollable">
        <table aria-label="Shares today and under the proposed equation">
          <caption>Shares today and under the proposal</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col" className="num">
                Points today
              </th>
              <th scope="col" className="num">
                Share today
              </th>
              <th scope="col" className="num">
                Points proposed
              </th>
              <th scope="col" className="num">
                Share proposed
              </th>
              <th scope="col" className="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.memberId}>
                <th scope="row">{m.name}</th>
                <td className="num">{formatPoints(m.currentPoints)}</td>
                <td className="num">{formatPercent(m.currentPercent)}</td>
                <td className="num">{formatPoints(m.proposedPoints)}</td>
                <td className="num">{formatPercent(m.proposedPercent)}</td>
                <td className="num">{formatPercent(m.percentDifference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager label="Pages of the what-if" page={page} pages={pages} onPage={setPage} />
      </div>
    </>
  );
}

function Editor({
  network,
  equation,
  onAdopted,
}: {
  network: AccountNetwork;
  equation: Equation | null;
  onAdopted: (message: string) => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(equation));
  const [key] = useState(() => crypto.randomUUID());
  const simulate = useSimulate(network.networkId);
  const adopt = useAdopt(network.networkId);
  const steward = network.roles.includes("steward");
  const error = adopt.error ?? simulate.error;
  const setRule = (i: number, rule: Rule) => {
    simulate.reset();
    setDraft({ ...draft, rules: draft.rules.map((r, j) => (j === i ? rule : r)) });
  };
  const whatIf = (event: FormEvent) => {
    event.preventDefault();
    adopt.reset();
    simulate.mutate(bodyOf(draft, equation));
  };
  // The promise, not the mutation's callback: adopting re-reads the version in force, which mounts a new editor.
  const adoptIt = () =>
    adopt
      .mutateAsync({ key, ...bodyOf(draft, equation) })
      .then((result) => onAdopted(`Version ${result.version} is adopted and in force.`))
      .catch(() => undefined);
  const fields = draft.rules.flatMap((r) => ["rate", "multiplier", "unit"].map((f) => `rules.${r.kind}.${f}`));
  return (
    <form onSubmit={whatIf} noValidate aria-labelledby="editor-heading">
      <h2 id="editor-heading">Proposed equation</h2>
      <FormProblem
        error={error}
        fields={[
          ...fields,
          ...draft.rules.map((r) => `rules.${r.kind}`),
          "halfLifeDays",
          ...classes.map((c) => `classWeights.${c}`),
        ]}
      />
      {draft.rules.map((rule, i) => (
        <RuleRow
          key={i}
          rule={rule}
          error={error}
          onChange={(r) => setRule(i, r)}
          onRemove={() => setDraft({ ...draft, rules: draft.rules.filter((_, j) => j !== i) })}
        />
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          setDraft({ ...draft, rules: [...draft.rules, { kind: "", unit: "hour", rate: "1", multiplier: "1" }] })
        }
      >
        Add a rule
      </button>
      <Field
        label="Half-life (days, empty for no decay)"
        field="halfLifeDays"
        error={error}
        inputMode="numeric"
        value={draft.halfLifeDays}
        onChange={(e) => setDraft({ ...draft, halfLifeDays: e.target.value })}
      />
      <fieldset>
        <legend>Class weights (empty: one pool for everyone)</legend>
        <div className="row">
          {classes.map((c) => (
            <Field
              key={c}
              label={`Weight of ${c}`}
              field={`classWeights.${c}`}
              error={error}
              inputMode="decimal"
              value={draft.weights[c] ?? ""}
              onChange={(e) => setDraft({ ...draft, weights: { ...draft.weights, [c]: e.target.value } })}
            />
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={simulate.isPending}>
          {simulate.isPending ? "Computing…" : "What if"}
        </button>
        {steward && simulate.data && (
          <button type="button" onClick={adoptIt} disabled={adopt.isPending}>
            Adopt this equation
          </button>
        )}
      </div>
      {simulate.data && <WhatIf simulation={simulate.data} />}
    </form>
  );
}

function Current({ equation }: { equation: Equation | null }) {
  if (!equation) return <p>No equation adopted yet: the default catalogue applies.</p>;
  const weights = Object.entries(equation.classWeights ?? {});
  return (
    <>
      <p className="meta" data-testid="equation-weights">
        {weights.length === 0
          ? "No class weights: one pool for every member."
          : `Class weights: ${weights.map(([c, w]) => `${c} ${w}`).join(", ")}.`}
        {equation.halfLifeDays ? ` Half-life ${equation.halfLifeDays} days.` : " No decay."}
      </p>
      <table>
        <caption data-testid="equation-version">
          Version {equation.version}, adopted {formatInstant(equation.adoptedAt)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Unit</th>
            <th scope="col" className="num">
              Rate
            </th>
            <th scope="col" className="num">
              Multiplier
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(equation.rules).map(([kind, r]) => (
            <tr key={kind}>
              <th scope="row">{kind}</th>
              <td>{r.unit}</td>
              <td className="num">{formatFine(r.rate)}</td>
              <td className="num">{formatFine(r.multiplier)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The value equation in force, and an editor whose what-if shows each member's share beside today's. */
export function EquationScreen({ network }: { network: AccountNetwork }) {
  const current = useCurrentEquation(network.networkId);
  const [adopted, setAdopted] = useState("");
  return (
    <>
      <h1>Value equation</h1>
      <section aria-labelledby="current-heading">
        <h2 id="current-heading">In force</h2>
        <p role="status" className="hint">
          {adopted}
        </p>
        {current.isPending ? (
          <Loading what="the value equation" />
        ) : current.isError ? (
          <ErrorView error={current.error} retry={() => current.refetch()} />
        ) : (
          <Current equation={current.data} />
        )}
      </section>
      {current.isSuccess && (
        <Editor key={current.data?.version ?? 0} network={network} equation={current.data} onAdopted={setAdopted} />
      )}
    </>
  );
}
